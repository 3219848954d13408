"""Where the knowledge base needs care: items overdue for review, and thin coverage.

`freshness` applies the review intervals of `site_config/review.yaml` (per content
type, default 180 days) and lists every item whose `reviewed` date is older;
`coverage` counts case studies and FAQs per product and industry, and the funnel
stages no SOP covers. Both take "today" as an argument so that answers are fixed
in tests; `today()` honours SALESBOOK_TODAY for the same reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta

from generator.config.review import REVIEW_FILE, ReviewPolicy
from generator.errors import UsageError
from generator.messages import render
from generator.models import CaseStudy, Product, Sop
from generator.repository import Repository


@dataclass(frozen=True)
class Due:
    """One item and where it stands against its review interval."""

    kind: str
    id: str
    title: str
    owner: str
    path: str
    reviewed: date
    interval_days: int
    overdue_days: int
    """Days past the due date; zero or less means not yet due."""


@dataclass(frozen=True)
class Freshness:
    """The answer of `salesbook stale`."""

    today: date
    stale: dict[str, list[Due]]
    """Overdue items by owner, owners in name order, most overdue first."""
    unowned: list[Due]


def today(given: str | None = None) -> date:
    """Return the date to measure against: `given`, else SALESBOOK_TODAY, else the calendar."""
    text = given or os.environ.get("SALESBOOK_TODAY")
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise UsageError("usage.bad_date", value=text) from error


def freshness(repository: Repository, policy: ReviewPolicy, on: date) -> Freshness:
    """Group the overdue items by owner, and list the items nobody owns."""
    stale: dict[str, list[Due]] = {}
    unowned = []
    for due in sorted(_all_due(repository, policy, on), key=lambda d: (-d.overdue_days, d.path)):
        if due.owner.strip() in policy.no_owner:
            unowned.append(due)
        elif due.overdue_days > 0:
            stale.setdefault(due.owner, []).append(due)
    return Freshness(on, dict(sorted(stale.items())), unowned)


def _all_due(repository: Repository, policy: ReviewPolicy, on: date) -> list[Due]:
    found = []
    for kind, entries in repository.entries.items():
        interval = policy.interval(kind)
        for entry in entries.values():
            item = entry.item
            overdue = (on - (item.reviewed + timedelta(days=interval))).days
            found.append(Due(kind, item.id, item.title, item.owner, entry.document.display, item.reviewed, interval, overdue))
    return found


@dataclass(frozen=True)
class Coverage:
    """Where the knowledge base is thin: the answer of `salesbook report coverage`."""

    minimum: int
    products: list[tuple[str, str, int, int]]
    """(id, name, case studies, FAQ questions) for products with fewer than `minimum` of either."""
    industries: list[tuple[str, int]]
    """(industry, case studies) for industries with fewer than `minimum` case studies."""
    stages_without_sop: list[str]


def coverage(repository: Repository, minimum: int) -> Coverage:
    """Count case studies and FAQs per product and industry, and SOPs per funnel stage."""
    products = []
    for product in (p for p in repository.items("product") if isinstance(p, Product)):
        cases = len(repository.case_studies_for(product.id))
        questions = sum(len(faq.questions) for faq in repository.faqs_for(product.id))
        if cases < minimum or questions < minimum:
            products.append((product.id, product.name, cases, questions))
    cases_by_industry = {industry: 0 for industry in repository.taxonomy.industries}
    for case in (c for c in repository.items("case-study") if isinstance(c, CaseStudy)):
        cases_by_industry[case.industry] = cases_by_industry.get(case.industry, 0) + 1
    industries = [(name, count) for name, count in cases_by_industry.items() if count < minimum]
    covered = {stage for sop in repository.items("sop") if isinstance(sop, Sop) for stage in sop.stages}
    stages = [stage for stage in repository.taxonomy.funnel_stages if stage not in covered]
    return Coverage(minimum, products, industries, stages)



def freshness_lines(report: Freshness, lang: str) -> list[str]:
    """Return `salesbook stale` as text: overdue items under each owner, then the unowned."""
    lines = [render("stale.heading", lang, {"today": report.today.isoformat(), "file": REVIEW_FILE})]
    for owner, items in report.stale.items():
        lines += ["", render("stale.owner", lang, {"owner": owner, "count": len(items)})]
        lines += [f"  {_due_line(due, lang)}" for due in items]
    if report.unowned:
        lines += ["", render("stale.unowned", lang, {"count": len(report.unowned)})]
        lines += [f"  {_due_line(due, lang)}" for due in report.unowned]
    total = sum(len(items) for items in report.stale.values())
    lines += ["", render("stale.summary", lang, {"stale": total, "unowned": len(report.unowned)})]
    return lines


def _due_line(due: Due, lang: str) -> str:
    kind = render(f"kind.{due.kind}", lang, {})
    if due.overdue_days > 0:
        status = render("stale.overdue", lang, {"reviewed": due.reviewed.isoformat(), "days": due.overdue_days, "interval": due.interval_days})
    else:
        status = render("stale.fresh", lang, {"reviewed": due.reviewed.isoformat()})
    return f"{due.path}  {kind}「{due.title}」  {status}"


def freshness_json(report: Freshness) -> dict[str, object]:
    """Return `salesbook stale` as data for `--format json` (and the site)."""

    def item(due: Due) -> dict[str, object]:
        fields = vars(due) | {"reviewed": due.reviewed.isoformat()}
        return fields | {"due": (due.reviewed + timedelta(days=due.interval_days)).isoformat()}

    return {
        "today": report.today.isoformat(),
        "stale": [{"owner": owner, "items": [item(d) for d in items]} for owner, items in report.stale.items()],
        "no_owner": [item(d) for d in report.unowned],
    }


def coverage_lines(report: Coverage, lang: str) -> list[str]:
    """Return `salesbook report coverage` as text, one section per kind of gap."""
    none = f"  {render('coverage.none', lang, {})}"
    lines = [render("coverage.products", lang, {"min": report.minimum})]
    lines += [f"  {render('coverage.product', lang, {'id': i, 'name': n, 'cases': c, 'faqs': f})}" for i, n, c, f in report.products] or [none]
    lines += ["", render("coverage.industries", lang, {"min": report.minimum})]
    lines += [f"  {render('coverage.industry', lang, {'industry': i, 'cases': c})}" for i, c in report.industries] or [none]
    lines += ["", render("coverage.stages", lang, {})]
    lines += [f"  {stage}" for stage in report.stages_without_sop] or [none]
    return lines


def coverage_json(report: Coverage) -> dict[str, object]:
    return {
        "minimum": report.minimum,
        "products": [{"id": i, "name": n, "case_studies": c, "faq_questions": f} for i, n, c, f in report.products],
        "industries": [{"industry": i, "case_studies": c} for i, c in report.industries],
        "stages_without_sop": report.stages_without_sop,
    }
