"""The shipped actor lexicon: canonical actors, the Arabic forms that name them, and helpers.

data/lexicon/actors.tsv holds the canonical actors of ACTORS.md (with the
dates a name applies), actor_forms.tsv the words outlets of every framing
use for them, actor_heads.txt the military nouns before a possessor
(«مروحيات النظام»), countries.tsv the nationality adjectives («قوة
إسرائيلية»), person_words.tsv the titles before a person's name. All keys
are folded with `fold_word`, so spelling variants meet; everything is read
once per process.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

from rasd.resources import data_path
from rasd.text.normalize import fold_word

# The day the Syrian state's forces changed hands (ACTORS.md).
SYRIA_SWITCH = "2024-12-08"
DEFAULT_COUNTRY = "Syria"


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One canonical actor of actors.tsv; name and name_ar may hold {country} templates."""

    id: str
    name: str
    name_ar: str
    inter: int
    kind: str
    country: str
    valid_from: str
    valid_to: str
    category: str

    def valid_on(self, day: str) -> bool:
        """Whether the name applies on `day` (ISO date)."""
        return (not self.valid_from or day >= self.valid_from) and (not self.valid_to or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way a form can be read: which actor, in what role, where, how strongly."""

    actor: str                 # "ID", "ID1|ID2", "@category", "@category/Country", "*" or "-"
    role: str                  # name | owner | anaphor | clan | communal
    scope: frozenset[str]      # countries where the reading holds; empty = anywhere
    strong: bool
    post: bool                 # a word of the post-December-2024 Syrian state
    framing: str = ""          # the side's vocabulary this reading needs («sanaa»); "" = any

    def fits(self, country: str | None) -> bool:
        return not self.scope or country is None or country in self.scope


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    name_ar: str


@dataclass(frozen=True)
class ActorLexicon:
    """Actors by id, readings by folded form, the automaton over forms, and the word lists."""

    rows: dict[str, ActorRow]
    readings: dict[str, tuple[Reading, ...]]
    automaton: ahocorasick.Automaton
    heads: frozenset[str]
    countries: dict[str, Country]
    person_words: dict[str, str]

    def slot(self, category: str, country: str, day: str) -> ActorRow | None:
        """The row filling `category` for `country` on `day`, else the template of the category."""
        rows = [r for r in self.rows.values() if r.category == category]
        own = [r for r in rows if r.country == country]
        valid = [r for r in own if r.valid_on(day)]
        template = next((r for r in rows if not r.country), None)
        return (valid or own or [template])[0]


def form_key(form: str) -> str:
    """The folded, space-normalised key of a form: «قوات  الأسد» -> "قوات الاسد"."""
    return " ".join(fold_word(form).split())


def read_rows(name: str) -> list[list[str]]:
    """Data rows of a shipped TSV under data/lexicon: comments, blank lines and the header dropped."""
    lines = data_path("lexicon", name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:]


def _actor_rows() -> dict[str, ActorRow]:
    rows = {}
    for fields in read_rows("actors.tsv"):
        fields += [""] * (9 - len(fields))
        row = ActorRow(fields[0], fields[1], fields[2], int(fields[3]), *fields[4:9])
        rows[row.id] = row
    return rows


def _form_readings() -> dict[str, list[Reading]]:
    readings: dict[str, list[Reading]] = {}
    for fields in read_rows("actor_forms.tsv"):
        fields += [""] * (7 - len(fields))
        form, actor, role, scope, strength, era, framing = fields[:7]
        scopes = frozenset(s.strip() for s in scope.split(",") if s.strip())
        reading = Reading(actor, role, scopes, strength == "strong", era == "post", framing.strip())
        readings.setdefault(form_key(form), []).append(reading)
    return readings


def nationality_forms(adjective: str) -> set[str]:
    """The adjective's forms after a noun: «روسي» -> روسي، روسية، روسيين، روسيون، and with «ال»."""
    forms = {adjective, adjective + "ة", adjective + "ين", adjective + "ون", adjective + "ا", adjective + "ان"}
    return {form_key(f) for f in forms | {"ال" + form for form in forms}}


def _countries() -> tuple[dict[str, Country], dict[str, list[Reading]]]:
    """Countries by English name, and their adjectives as owner readings of their state's forces."""
    countries, readings = {}, {}
    for name, names_ar, adjectives in read_rows("countries.tsv"):
        spellings = names_ar.split("|")
        countries[name] = Country(name, spellings[0])
        homographs = {form_key(n) for n in spellings}
        for adjective in adjectives.split("|"):
            for form in nationality_forms(adjective) - homographs:
                reading = Reading(f"@state_military/{name}", "owner", frozenset(), False, False)
                readings.setdefault(form_key(form), []).append(reading)
    return countries, readings


COUNTRY_CLITICS = frozenset("وفبل")


@cache
def country_words() -> dict[str, str]:
    """Folded names and nationality forms of each country -> its English name: «الصوماليين» -> Somalia."""
    words = {}
    for name, names_ar, adjectives in read_rows("countries.tsv"):
        for spelling in names_ar.split("|"):
            words[form_key(spelling)] = name
        for adjective in adjectives.split("|"):
            words.update(dict.fromkeys(nationality_forms(adjective), name))
    return words


def country_named_most(folded_words: Iterable[str]) -> str | None:
    """The country a text names most, by name or nationality («جنود صوماليين» -> Somalia), also
    behind one clitic letter («والصومال»); None when it names none."""
    words = country_words()
    found = (words.get(w) or (w[:1] in COUNTRY_CLITICS and words.get(w[1:])) for w in folded_words)
    counts = Counter(name for name in found if name)
    return counts.most_common(1)[0][0] if counts else None


def _automaton(keys) -> ahocorasick.Automaton:
    """Every key, and every key without its leading article; the value is the string found."""
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, key)
        first = key.split(" ")[0]
        if first.startswith("ال") and len(first) > 3:
            automaton.add_word(key[2:], key[2:])
    automaton.make_automaton()
    return automaton


def _word_list(name: str) -> frozenset[str]:
    lines = data_path("lexicon", name).read_text(encoding="utf-8").splitlines()
    return frozenset(form_key(w) for w in lines if w.strip() and not w.startswith("#"))


@cache
def load_actor_lexicon() -> ActorLexicon:
    """Read the shipped actor data once per process (read-only afterwards)."""
    readings = _form_readings()
    countries, adjective_readings = _countries()
    for key, extra in adjective_readings.items():
        readings.setdefault(key, []).extend(extra)
    heads = _word_list("actor_heads.txt")
    person_words = {form_key(word): role for word, role in read_rows("person_words.tsv")}
    return ActorLexicon(
        rows=_actor_rows(),
        readings={key: tuple(value) for key, value in readings.items()},
        automaton=_automaton(readings),
        heads=heads | frozenset("ال" + h for h in heads),
        countries=countries,
        person_words=person_words,
    )
