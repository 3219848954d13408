"""How to reach the people who own content (site_config/contacts.yaml), declared once per person.

An item's `owner` is written like “周婷（客户成功经理）” or names a role or team
(“售前工程师”); the contact is found by the whole owner text, else by the name
before the bracket. The site shows it beside the owner on every page, and a
customer one-pager prints it as the rep's contact block.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field

from generator.config import read_config
from generator.errors import Problem
from generator.load import Document
from generator.models.common import EMAIL_PATTERN, PHONE_PATTERN, Model, Text

CONTACTS_FILE = "site_config/contacts.yaml"
_BRACKET = re.compile(r"\s*[（(].*$")


class Contact(Model):
    """One person (or team) and the ways to reach them."""

    name: Text = Field(description="姓名，与内容里 owner 括号前的部分一致，如“周婷”；也可以是角色或团队，如“售前工程师”")
    title: Text | None = Field(default=None, description="职务，印在对客一页纸的联系人栏，如“客户成功经理”")
    wecom: Text | None = Field(default=None, description="企业微信号")
    email: Text | None = Field(default=None, pattern=EMAIL_PATTERN, description="邮箱")
    phone: Text | None = Field(default=None, pattern=PHONE_PATTERN, description="电话")


class Contacts(Model):
    """Everyone who owns content, each declared once."""

    people: list[Contact] = Field(default_factory=list, description="联系人，每人只写一次")

    def for_owner(self, owner: str) -> Contact | None:
        """Return the contact of an item's owner, or None when nobody declared one."""
        by_name = {person.name: person for person in self.people}
        return by_name.get(owner.strip()) or by_name.get(_BRACKET.sub("", owner.strip()))


def load_contacts(root: Path) -> Contacts:
    """Read site_config/contacts.yaml (nobody when absent); raise `ContentError` if it is wrong."""
    return read_config(root, CONTACTS_FILE, Contacts, _twice_declared)


def _twice_declared(document: Document) -> list[Problem]:
    """Point at each person declared a second time."""
    return [
        document.problem(("people", index, "name"), "contact_twice", name=name, first_line=first_line)
        for index, name, first_line in document.repeats("people", "name")
    ]
