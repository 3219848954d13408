// salesbook: one-tap copy. Every talk track, FAQ answer and SOP step is wrapped by
// the generator in a `.sb-copyable` block; this script puts a 复制 button on each.
// The button copies the block's text as the reader sees it (no button or label
// text), through the Clipboard API where the page may use it (https, localhost)
// and through a hidden textarea elsewhere (a phone on the office network's http).
(() => {
  "use strict";
  const DONE_MS = 2000;

  function copyWithTextarea(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    area.setSelectionRange(0, text.length); // iOS Safari selects nothing without it
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    area.remove();
    return copied;
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (error) {
        // a refused permission falls through to the textarea
      }
    }
    return copyWithTextarea(text);
  }

  function textOf(block) {
    return block.innerText.replace(/\n{3,}/g, "\n\n").trim();
  }

  function addButton(block) {
    if (block.dataset.sbCopyReady) return;
    block.dataset.sbCopyReady = "1";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sb-copy";
    button.textContent = "复制";
    button.setAttribute("aria-label", "复制这段文字");
    const status = document.createElement("span");
    status.className = "sb-copy__status";
    status.setAttribute("aria-live", "polite");
    button.addEventListener("click", async () => {
      const copied = await copyText(textOf(block));
      button.textContent = copied ? "已复制" : "复制失败，请长按选择";
      button.classList.toggle("sb-copy--done", copied);
      status.textContent = button.textContent;
      window.setTimeout(() => {
        button.textContent = "复制";
        button.classList.remove("sb-copy--done");
        status.textContent = "";
      }, DONE_MS);
    });
    const bar = document.createElement("div");
    bar.className = "sb-copy-bar";
    bar.append(button, status);
    block.after(bar);
  }

  function setUp() {
    document.querySelectorAll(".md-content .sb-copyable").forEach(addButton);
  }

  // Material's instant navigation swaps pages without reloading scripts.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
