"""`salesbook serve`: the engine's own server (`mkdocs serve` or `zensical serve`) on the generated pages, regenerated as you edit.

A watcher polls content/, playbooks/, templates/ and site_config/. On a change it
checks the content again and rewrites only the pages whose Markdown changed; the
engine's server notices those files and reloads the browser (with Zensical, salesbook
then indexes the rebuilt pages for its search, as its plugin does within MkDocs).
While the content has errors, the last good pages stay up, the problems are printed,
and they are written to problems.json, which a panel on every page lists in the browser.

Serve shares the docs folder with `salesbook build`, so it writes only while holding
the build lock; when a build rewrote the folder meanwhile (its stamp file is gone),
serve writes its own pages again.
"""

from __future__ import annotations

import json
import signal
import time
from datetime import date
from pathlib import Path

import click

from generator.atomic import exclusive
from generator.errors import BuildError, ContentError, Problem
from generator.messages import render
from generator.cms.local import LocalForm
from generator.site.build import CACHE_DIR, write_downloads
from generator.site.engine import DOCS_DIR, MKDOCS, Mode, require_supported, served_index, start_server, write_serve_config
from generator.site.generate import generate_pages
from generator.validate import check_repository

WATCHED = ("content", "playbooks", "templates", "site_config")
POLL_SECONDS = 0.5
SERVE_MODE = Mode(problems_panel=True)

STAMP = ".salesbook-serve"
"""The file serve keeps in the docs folder; a build that rewrites the folder removes it."""

PROBLEMS_FILE = "problems.json"
"""Where, in the docs folder, the browser panel reads the current problems."""

Snapshot = dict[Path, tuple[int, int]]


def serve_site(root: Path, address: str, lang: str, cms_port: int | None = None, engine: str = MKDOCS) -> None:
    """Generate the pages, start `engine`'s server and regenerate on every change until Ctrl+C.

    With `cms_port`, the browser form is served at /admin/ and saves through a local
    decap-server on that port; the files it writes are tidied as they arrive.
    """
    require_supported(engine, SERVE_MODE, form=cms_port is not None)
    docs = root / DOCS_DIR
    docs.mkdir(parents=True, exist_ok=True)
    write_serve_config(engine, root, docs)
    seen = snapshot(root)
    written = regenerate(root, docs, lang, documents=True, engine=engine)
    form = LocalForm(root, docs, root / CACHE_DIR, cms_port, address) if cms_port else None
    server = start_server(engine, root, address, SERVE_MODE)
    search = served_index(engine, root, docs)
    click.echo(render("serve.ready", lang, {"url": f"http://{address}/"}), err=True)
    previous = signal.signal(signal.SIGTERM, _stop)
    if form:
        click.echo(render("cms.ready", lang, {"url": f"http://{address}/admin/"}), err=True)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = snapshot(root)
            if written and not (docs / STAMP).is_file():  # a build wrote its own pages here
                written = regenerate(root, docs, lang, documents=True, engine=engine)
                if form:
                    form.install(docs)
            elif now != seen:
                changed = {p for p in now.keys() | seen.keys() if now.get(p) != seen.get(p)}
                for path in form.tidy(changed) if form else []:
                    click.echo(render("cms.tidied", lang, {"path": path.relative_to(root).as_posix()}), err=True)
                    now = snapshot(root)  # the tidied file is not a change of its own
                documents = any(_affects_documents(root, p) for p in changed)
                written = regenerate(root, docs, lang, documents, engine) or written
            seen = now
            if search:
                search.refresh()
        if server.returncode not in (0, -signal.SIGINT, -signal.SIGTERM):  # it stopped on its own: its report is above
            raise BuildError("serve.stopped", status=server.returncode, address=address)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.terminate()
        server.wait(timeout=10)
        if form:
            form.stop()


def _stop(_signal: int, _frame: object) -> None:
    """Stop serving on SIGTERM as on Ctrl+C, so that the engine's server is stopped too."""
    raise KeyboardInterrupt


def snapshot(root: Path) -> Snapshot:
    """Return (modification time, size) of every file in the watched folders."""
    found: Snapshot = {}
    for name in WATCHED:
        for path in (root / name).rglob("*"):
            try:
                stat = path.stat()
            except FileNotFoundError:  # an editor's temporary file, gone already
                continue
            if path.is_file():
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def regenerate(root: Path, docs: Path, lang: str, documents: bool, engine: str = MKDOCS) -> bool:
    """Check the content and rewrite the pages that changed; report problems instead of raising; return whether it wrote."""
    started = time.monotonic()
    result = check_repository(root)
    _show(result.problems, lang)
    if result.errors:
        click.echo(render("serve.kept", lang, {"errors": len(result.errors)}), err=True)
        show_problems(root, docs, [p.format(lang) for p in result.errors], lang)
        return False
    repository = result.require_clean()
    try:
        with exclusive(root):
            docs.mkdir(parents=True, exist_ok=True)
            downloads = write_downloads(repository, docs, pdf=False).paths if documents else _existing_downloads(docs)
            changed = generate_pages(repository, docs, downloads, date.today()).changed
            write_serve_config(engine, root, docs)
            if not (docs / STAMP).is_file():
                (docs / STAMP).touch()
    except ContentError as error:  # site.yaml or an archetype file is wrong
        _show(error.problems, lang)
        show_problems(root, docs, [p.format(lang) for p in error.problems], lang)
        return False
    except BuildError as error:
        click.echo(f"salesbook: {error.message(lang)}", err=True)
        show_problems(root, docs, [error.message(lang)], lang)
        return False
    show_problems(root, docs, [], lang)
    seconds = f"{time.monotonic() - started:.1f}"
    click.echo(render("serve.updated", lang, {"pages": len(changed), "seconds": seconds}), err=True)
    return True


def _show(problems: list[Problem], lang: str) -> None:
    """Print each problem as `path:line:col` and its message, as `salesbook check` does."""
    for problem in problems:
        click.echo(problem.format(lang))


def show_problems(root: Path, docs: Path, lines: list[str], lang: str) -> None:
    """Write the problems the browser panel lists (an empty list hides it); touch the file only on change."""
    report = {
        "heading": render("serve.panel_heading", lang, {"count": len(lines)}),
        "hint": render("serve.panel_hint", lang, {}),
        "close": render("serve.panel_close", lang, {}),
        "lines": lines,
    }
    path = docs / PROBLEMS_FILE
    text = json.dumps(report, ensure_ascii=False, indent=1)
    with exclusive(root):
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def _affects_documents(root: Path, path: Path) -> bool:
    """Return whether a changed file can change a Word draft (a plan or a template)."""
    relative = path.relative_to(root).as_posix()
    return relative.startswith(("content/plans/", "templates/"))


def _existing_downloads(docs: Path) -> set[str]:
    folder = docs / "downloads"
    return {p.relative_to(docs).as_posix() for p in folder.rglob("*") if p.suffix in (".docx", ".pdf")} if folder.is_dir() else set()
