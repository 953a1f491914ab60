"""Find the actors an article names and resolve each to one canonical actor, whatever the framing.

One pass of an Aho-Corasick automaton over the folded words finds every form
of the lexicon (rasd.extract.actor_lexicon) through clitics («لقوات النظام»,
«وميليشيا أسد»). A form is read by role: a name («الجيش العربي السوري»), a
possessor after a military noun («مروحيات النظام», «طائرات روسية»), an
anaphor («القوات» = the last actor named), a clan («عشيرة X») or a communal
body («وجهاء X»). The article's country and date pick the reading: «الجيش
السوري» is Military Forces of Syria (2000-2024) before 8 December 2024 and
(2024-) after it; a generic noun («الشرطة العسكرية») yields to the group it
is said to belong to («التابعة لقسد»). Titles before a name («القيادي في X
خلدون الزعبي الملقب أبو عزام») give person mentions affiliated to X.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from rasd.extract.actor_lexicon import (
    DEFAULT_COUNTRY, SYRIA_SWITCH, ActorLexicon, ActorRow, Reading, country_named_most, country_words, load_actor_lexicon,
    read_rows,
)
from rasd.model import Actor, Span
from rasd.text.clitics import name_key
from rasd.text.normalize import fold_word
from rasd.text.segment import Token, analyze, split_sentences, tokenize

# Quotes and brackets inside a name («قوات “قسد”», «تنظيم "داعش"») are not words.
QUOTES = frozenset("«»\"“”„‟'‘’`()[]{}<>‹›")
PUNCTUATION = frozenset(".,،؛;:!?؟…-–—/")
ARMED_KINDS = frozenset({"state", "rebel", "militia", "external"})
KIND_BY_INTER = {1: "state", 2: "rebel", 3: "militia", 4: "militia", 5: "rioters",
                 6: "protesters", 7: "civilians", 8: "external"}
PRE_SWITCH_DAY = "2024-12-07"


@cache
def _words_of(role: str) -> frozenset[str]:
    """Folded function words of one role in data/lexicon/actor_words.tsv («التابعة» is affiliation)."""
    return frozenset(fold_word(word) for word, kind in read_rows("actor_words.tsv") if kind == role)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text, resolved to its canonical name (ACTORS.md)."""

    span: Span          # the words in the text
    actor: Actor        # canonical; actor.mention quotes the span
    kind: str           # state | rebel | militia | external | unidentified | civilians |
                        # protesters | rioters | clan | communal | person
    sentence: int       # index into the sentences tuple
    person: str | None = None   # a named person the mention is about («خلدون الزعبي», «أبو عزام»)
    kunya: str | None = None    # the person's nickname, when given («أبو عزام»)
    reason: str = ""            # why this canonical actor: the form and what decided


@dataclass(frozen=True, slots=True)
class _Match:
    first: int                  # positions in the word list, inclusive
    last: int
    key: str
    readings: tuple[Reading, ...]


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved mention before it becomes an ActorMention (positions in the word list)."""

    first: int
    last: int
    actor: Actor
    kind: str
    strong: bool
    reason: str
    person: str | None = None
    kunya: str | None = None
    name_from: int = -1         # a person's: where the name and nickname words begin


@dataclass(frozen=True, slots=True)
class _Context:
    """What decides a reading: the lexicon, the article's country, the day (ISO) and the words."""

    lexicon: ActorLexicon
    country: str
    day: str
    text: str
    tokens: tuple[Token, ...]
    words: tuple[int, ...]      # token indexes of the words (quotes and brackets left out)

    def span(self, first: int, last: int) -> Span:
        return Span(self.tokens[self.words[first]].span.start, self.tokens[self.words[last]].span.end)

    def folded(self, position: int) -> str:
        return self.tokens[self.words[position]].folded


# -- matching -------------------------------------------------------------------------------


def _words(tokens: tuple[Token, ...]) -> tuple[int, ...]:
    return tuple(i for i, t in enumerate(tokens) if t.text not in QUOTES)


def _stream(tokens: tuple[Token, ...], words: tuple[int, ...]) -> tuple[str, list[int]]:
    starts, position = [], 0
    for index in words:
        starts.append(position)
        position += len(tokens[index].folded) + 1
    return " ".join(tokens[i].folded for i in words), starts


def match_forms(tokens: tuple[Token, ...], words: tuple[int, ...], lexicon: ActorLexicon) -> list[_Match]:
    """Every lexicon form standing on whole words, through proclitics: «لقوات النظام» -> قوات النظام."""
    stream, starts = _stream(tokens, words)
    ends = {start + len(tokens[w].folded): k for k, (start, w) in enumerate(zip(starts, words))}
    matches = []
    for end, found in lexicon.automaton.iter(stream):
        last = ends.get(end + 1)
        begin = end + 1 - len(found)
        first = bisect.bisect_right(starts, begin) - 1
        if last is None or first < 0:
            continue
        key = name_key(stream[starts[first]:begin], found, lexicon.readings)
        if key:
            matches.append(_Match(first, last, key, lexicon.readings[key]))
    return matches


# The last article's matches (all its forms, and the longest of them): article_country, asked by
# two stages, and find_actors read the same token tuple, so the automaton runs once per article.
_last_read: tuple = ((), (), ())


def article_matches(tokens: tuple[Token, ...], words: tuple[int, ...], lexicon: ActorLexicon) -> tuple[list[_Match], list[_Match]]:
    """(every match, the longest ones) of `tokens`, remembered for the last token tuple read."""
    global _last_read
    seen, matches, longest = _last_read
    if seen is not tokens:
        matches = tuple(match_forms(tokens, words, lexicon))
        longest = tuple(_longest(list(matches)))
        _last_read = (tokens, matches, longest)
    return list(matches), list(longest)


def _longest(matches: list[_Match]) -> list[_Match]:
    """Non-overlapping matches, the longest first («قوات النظام السوري» over «النظام السوري»), a named
    group before a generic noun of the same length («وحدات من الجيش الوطني الليبي»)."""
    chosen, taken = [], set()
    for match in sorted(matches, key=lambda m: (m.first - m.last, not m.readings[0].strong, m.first)):
        covered = set(range(match.first, match.last + 1))
        if not covered & taken:
            chosen.append(match)
            taken |= covered
    return sorted(chosen, key=lambda m: m.first)


def framings_used(matches: list[_Match], country: str) -> frozenset[str]:
    """The sides whose own vocabulary the text uses: a name only one side says («مرتزقة العدوان»
    is Sanaa's; a bare «العدوان» anyone may write) marks the article as told in that side's words."""
    used = set()
    for match in matches:
        readings = [r for r in match.readings if r.fits(country)]
        if readings and all(r.framing == readings[0].framing and r.strong for r in readings):
            used.add(readings[0].framing)
    return frozenset(used - {""})


def _fitting(matches: list[_Match], country: str, framings: frozenset[str] = frozenset()) -> list[_Match]:
    """The matches with their readings for `country` and the sides' words the text uses (framed
    readings first, then scoped ones); none left: dropped. «الجيش اليمني» is the Houthis' army only
    in Sanaa's words."""
    kept = []
    for match in matches:
        readings = [r for r in match.readings if r.fits(country) and (not r.framing or r.framing in framings)]
        readings.sort(key=lambda r: (not r.framing, not r.scope))
        if readings:
            kept.append(_Match(match.first, match.last, match.key, tuple(readings)))  # replace() costs 10x
    return kept


# -- country and date -----------------------------------------------------------------------


def _home_countries(reading: Reading, lexicon: ActorLexicon) -> set[str]:
    """Countries a strong name reading places the article in (foreign forces say nothing)."""
    if reading.role != "name" or not reading.strong or reading.actor == "-":
        return set()
    if reading.actor.startswith("@"):
        named = reading.actor.partition("/")[2]
        return {named} if named else set(reading.scope)
    rows = [lexicon.rows[i] for i in reading.actor.split("|")]
    return {r.country for r in rows if r.country and r.kind != "external"} or set(reading.scope)


def _lexicon_votes(matches: list[_Match], lexicon: ActorLexicon) -> Counter:
    """Two votes for the home of a form every reading of which names one country: «الحوثيين» ->
    Yemen; «الميليشيات الإيرانية» (Iran's abroad, the PMF in Iraq) says nothing."""
    votes: Counter = Counter()
    for match in matches:
        homes = [_home_countries(r, lexicon) for r in match.readings]
        named = set().union(*homes)
        if len(named) == 1 and all(homes):
            votes[named.pop()] += 2
    return votes


def infer_country(places, matches: list[_Match], lexicon: ActorLexicon, folded_words=()) -> str:
    """The article's country: its places and its country-bound actors vote, else the country it
    names most («القوات الحكومية الصومالية» -> Somalia); Syria when nothing tells."""
    return _voted_country(places, matches, lexicon, folded_words) or DEFAULT_COUNTRY


def _voted_country(places, matches: list[_Match], lexicon: ActorLexicon, folded_words) -> str | None:
    """Places one vote each, groups bound to one country two («الحوثيين» -> Yemen), else the country named."""
    votes = Counter(m.location.country for m in places if m.location.country) + _lexicon_votes(matches, lexicon)
    if votes:
        return votes.most_common(1)[0][0]
    return country_named_most(folded_words)


# The last article's country (two stages ask for it with the same places and tokens).
_last_country: tuple = (None, None, None)


def article_country(places, tokens: tuple[Token, ...]) -> str | None:
    """The country an article is about, for every stage: «هاجم الجيش الوطني مواقع الحوثيين في
    الكسارة» is Yemen even if a Syrian village shares the place's name (a country-bound group
    weighs two places); None when nothing tells."""
    global _last_country
    seen_places, seen_tokens, country = _last_country
    if seen_places is not places or seen_tokens is not tokens:
        lexicon, words = load_actor_lexicon(), _words(tokens)
        _, longest = article_matches(tokens, words, lexicon)
        country = _voted_country(places, longest, lexicon, [tokens[i].folded for i in words])
        _last_country = (places, tokens, country)
    return country


def reading_day(published: str | None, matches: list[_Match]) -> str:
    """The day that decides date-bound names: the given date, else before the switch unless
    post-2024 words («الأمن العام», «فلول النظام») are used."""
    if published and len(published) >= 10:
        return published[:10]
    post = any(m.readings[0].post for m in matches)
    return SYRIA_SWITCH if post else PRE_SWITCH_DAY


# -- from a reading to a canonical actor ----------------------------------------------------


def _row_of(reading: Reading, context: _Context) -> tuple[ActorRow, str] | None:
    """The actor row a reading means on the context's day, and the country it stands for."""
    if reading.actor in ("-", "*"):
        return None
    if reading.actor.startswith("@"):
        category, _, named = reading.actor[1:].partition("/")
        place = named or context.country
        row = context.lexicon.slot(category, place, context.day)
        return (row, place) if row else None
    rows = [context.lexicon.rows[i] for i in reading.actor.split("|")]
    row = next((r for r in rows if r.valid_on(context.day)), rows[0])
    return row, row.country or context.country


def _inter(row: ActorRow, home: str, country: str) -> tuple[int, str]:
    """Inter code and kind where the actor acts: foreign forces are 8, a state's own forces 1."""
    if row.kind == "external" and home == country:
        return 1, "state"
    if row.kind == "state" and home != country:
        return 8, "external"
    return row.inter, row.kind


def canonical_actor(row: ActorRow, home: str, context: _Context, span: Span, name: tuple[str, str] = ("", "")) -> tuple[Actor, str]:
    """The canonical Actor for a row (templates filled with country and name) and its kind."""
    inter, kind = _inter(row, row.country or (home if row.category else ""), context.country)
    name_en, name_ar = filled_names(row, context.lexicon, home, name)
    return Actor(name=name_en, name_ar=name_ar, type=inter, mention=span.quote(context.text), span=span), kind


def filled_names(row: ActorRow, lexicon: ActorLexicon, home: str, name: tuple[str, str] = ("", "")) -> tuple[str, str]:
    """A row's English and Arabic names with its templates filled: "{name} Communal Group ({country})"."""
    country_ar = lexicon.countries[home].name_ar if home in lexicon.countries else home
    values = {"country": home, "country_ar": country_ar, "name": name[0], "name_ar": name[1]}
    return row.name.format(**values), row.name_ar.format(**values)


def _found(reading: Reading, context: _Context, first: int, last: int, why: str) -> _Found | None:
    resolved = _row_of(reading, context)
    if resolved is None:
        return None
    span = context.span(first, last)
    actor, kind = canonical_actor(*resolved, context, span)
    return _Found(first, last, actor, kind, reading.strong, why)


# -- the roles of a form --------------------------------------------------------------------


def _is_head(word: str, lexicon: ActorLexicon) -> bool:
    """Whether a word is a military noun, through clitics: «ومروحيات», «للقوات»."""
    if word in lexicon.heads:
        return True
    return any(a.stem in lexicon.heads and (a.proclitics or a.has_article) for a in analyze(word)[1:])


def _owner_host(match: _Match, found: list[_Found], context: _Context) -> tuple[str, int] | None:
    """What a possessor attaches to: ("head", position) of a military noun, or ("found", -1) for the
    generic mention right before it; None when it stands alone («النظام» in «النظام العالمي»)."""
    for position in range(match.first - 1, max(match.first - 5, -1), -1):
        word = context.folded(position)
        if word.isascii() and not word.isspace():
            continue  # a model's name between: «طائرات F-16 العراقية»
        if word in PUNCTUATION:
            return None
        if found and found[-1].first <= position <= found[-1].last:
            return ("found", -1) if not found[-1].strong else None
        if _is_head(word, context.lexicon):
            return "head", position
    return None


def _owner(match: _Match, found: list[_Found], context: _Context) -> None:
    """A possessor after a military noun: «مروحيات النظام», «الطائرات الحربية الروسية»."""
    host = _owner_host(match, found, context)
    if host is None:
        return
    reading = match.readings[0]
    if host[0] == "head":
        item = _found(reading, context, host[1], match.last, f"«{match.key}» after a military noun")
        if item:
            found.append(item)
        return
    generic = found.pop()
    if generic.kind not in ARMED_KINDS or _first_of_allies(generic, match, context):
        # «شاب فلسطيني» is a Palestinian civilian, not the Palestinian army; «طائرات أمريكية
        # وبريطانية» are led by the first nationality named
        found.append(generic)
        return
    item = _found(_qualified(reading, generic, context), context, generic.first, match.last,
                  f"«{match.key}» qualifies a generic mention")
    found.append(item or generic)


def _first_of_allies(generic: _Found, match: _Match, context: _Context) -> bool:
    """Whether a mention already ends in a nationality and the next one joins it («وبريطانية»): an
    ally; or stands further on («قوات إسرائيلية تعتقل سوريين»): someone else."""
    if context.folded(generic.last) not in country_words():
        return False
    joined = context.folded(match.first).startswith("و") and match.first == generic.last + 1
    return joined or match.first > generic.last + 1


def _qualified(owner: Reading, generic: _Found, context: _Context) -> Reading:
    """«الشرطة الإسرائيلية»: the generic noun's slot for the adjective's country."""
    category, _, named = owner.actor.partition("/")
    if category == "@state_military" and named and generic.kind in ("state", "external"):
        police = "Police" in generic.actor.name
        return replace(owner, actor=("@state_police/" if police else "@state_military/") + named)
    return owner


def _anaphor(match: _Match, found: list[_Found], context: _Context) -> None:
    """«القوات», «التنظيم»: the armed actor named most (then last) before with the same noun
    («قوات X»), else (for «القوات», marked *) among all armed actors named before, else the
    form's default reading."""
    before = [f for f in found if f.kind in ARMED_KINDS]
    noun = match.key[2:] if match.key.startswith("ال") else match.key
    alike = [f for f in before if noun[:5] in fold_word(f.actor.mention)]  # «القوات» after «قوات X»
    before = alike or (before if match.readings[0].actor == "*" else [])
    span = context.span(match.first, match.last)
    if before:
        counts = Counter(f.actor.name for f in before)
        antecedent = max(reversed(before), key=lambda f: counts[f.actor.name])  # the topic; ties: the latest
        actor = replace(antecedent.actor, mention=span.quote(context.text), span=span)
        found.append(_Found(match.first, match.last, actor, antecedent.kind, False, f"«{match.key}» refers back"))
        return
    item = _found(match.readings[0], context, match.first, match.last, f"«{match.key}», nothing named before")
    if item:
        found.append(item)


# -- clans and communal bodies ----------------------------------------------------------------



def _is_name_word(word: str) -> bool:
    return word.isalpha() and len(word) >= 2 and word not in _words_of("name_stop")


def _clan_name(match: _Match, context: _Context) -> tuple[int, int] | None:
    """The words of the clan's name after «عشيرة»: one, or two after «بني»/«آل»."""
    first = match.last + 1
    if first >= len(context.words) or not _is_name_word(context.folded(first)):
        return None
    two = context.folded(first) in _words_of("clan_head") and first + 1 < len(context.words)
    return first, first + 1 if two and _is_name_word(context.folded(first + 1)) else first


PLACE_HEADS = frozenset({"منطقه", "قريه", "بلده", "مديريه", "عزله", "حي", "ناحيه", "مخيم", "بمنطقه"})


def _clan(match: _Match, found: list[_Found], context: _Context) -> None:
    """«أبناء عشيرة المسالمة» -> Al-Masalmeh Clan Militia (<country>); «قبيلتي الزوية والتبو»
    (a dual) names two clans."""
    extent = _clan_name(match, context)
    if extent is None or (match.first and context.folded(match.first - 1) in PLACE_HEADS):
        return  # «منطقة آل ثابت»: a place named after a clan, not the clan
    found.append(_clan_found(match.first, extent, context))
    second = extent[1] + 1
    if match.key.endswith("تي") and second < len(context.words) and context.folded(second).startswith("و"):
        name = context.folded(second)[1:]
        if len(name) >= 2 and _is_name_word(name):
            found.append(_clan_found(second, (second, second), context, conjoined=True))


def _clan_found(first: int, extent: tuple[int, int], context: _Context, conjoined: bool = False) -> _Found:
    name_ar = context.span(*extent).quote(context.text)
    name_ar = name_ar.removeprefix("و") if conjoined else name_ar
    row = context.lexicon.slot("clan", context.country, context.day)
    span = context.span(first, extent[1])
    actor, kind = canonical_actor(row, context.country, context, span, (romanize(name_ar), name_ar))
    return _Found(first, extent[1], actor, kind, True, f"clan «{name_ar}»")


def _communal(match: _Match, found: list[_Found], context: _Context, places) -> None:
    """«وجهاء طفس», «لجنة التفاوض في درعا البلد» -> <Town> Communal Group (<country>)."""
    end = context.span(match.first, match.last).end
    town = _town_after(places, end, context)
    if town is None and match.readings[0].strong:
        town = _main_town(places)  # «لجنة التفاوض» speaks for the article's town; a bare «لجان» needs one named
    if town is None:
        return
    last = match.last
    if town.span.start >= end and town.span.end - end < 40:
        last = max(k for k in range(len(context.words)) if context.span(k, k).end <= town.span.end)
    name_en = town.location.name_en or romanize(town.location.name_ar)
    row = context.lexicon.slot("communal", context.country, context.day)
    span = context.span(match.first, last)
    actor, kind = canonical_actor(row, context.country, context, span, (name_en, town.location.name_ar))
    found.append(_Found(match.first, last, actor, kind, True, f"communal body of «{town.location.name_ar}»"))


def notables_of_town(actor: Actor, lead: str, location, published: str | None) -> Actor | None:
    """A clan named by its notables («وجهاء من عشيرة X», `lead` the words just before the
    mention) in an unarmed act speaks for the town the act is in (ACTORS.md: a clan is a
    militia only when armed): «<Town> Communal Group»."""
    words, lexicon = fold_word(actor.mention).split(), load_actor_lexicon()
    said_by_notables = any(word in _words_of("notables") for word in [*fold_word(lead).split()[-2:], *words[:1]])
    if not said_by_notables or location is None or location.geo_precision != 1:
        return None
    if not any(r.actor == "@clan" for word in words for r in lexicon.readings.get(word, ())):
        return None  # «وجهاء طفس» already names its town
    home = location.country or ""
    row = lexicon.slot("communal", home, published or "")
    town = (location.name_en or romanize(location.name_ar), location.name_ar)
    name_en, name_ar = filled_names(row, lexicon, home, town)
    return Actor(name=name_en, name_ar=name_ar, type=row.inter, mention=actor.mention, span=actor.span)


def _town_after(places, end: int, context: _Context):
    """The place named right after the body («وجهاء طفس»), within a few words."""
    after = [p for p in places if p.span.start >= end and context.text[end:p.span.start].count(" ") <= 3]
    return after[0] if after else None


def _main_town(places):
    """Else the place the article names most often (the first of equals): the town the body speaks for."""
    counts = Counter(p.location.name_ar for p in places if p.location.geo_precision == 1)
    if not counts:
        return None
    top = counts.most_common(1)[0][1]
    return next(p for p in places if counts[p.location.name_ar] == top)


@cache
def _romanization() -> dict[str, str]:
    return dict(read_rows("romanize.tsv"))


def romanize(name_ar: str) -> str:
    """A Latin spelling of an Arabic name, for names no table knows: «المسالمة» -> "Al-Masalmeh"."""
    words = []
    for word in fold_word(name_ar).split():
        article = word.startswith("ال") and len(word) > 3
        stem = word[2:] if article else word
        latin = _romanize_word(stem)
        words.append(("Al-" if article else "") + latin[:1].upper() + latin[1:])
    return " ".join(words)


def _romanize_word(stem: str) -> str:
    table = _romanization()
    letters = []
    for index, letter in enumerate(stem):
        latin = table.get(letter, "")
        if letter == "ه" and index < len(stem) - 1:
            latin = "h"
        elif letter in "وي" and (index == 0 or stem[index - 1] == "ا"):
            latin = "w" if letter == "و" else "y"
        letters.append(latin)
    if len(stem) > 2 and all(stem[i] not in "اوي" for i in (0, 1)):
        letters[0] += "a"  # «مسالمة»: two consonants open the word, a vowel between them
    return "".join(letters)


# -- affiliation ------------------------------------------------------------------------------


def _affiliate(found: list[_Found], context: _Context) -> list[_Found]:
    """A generic noun takes the group it is said to belong to, or that follows it: «الشرطة العسكرية
    التابعة لقسد», «غارات التحالف الدولي»."""
    result = list(found)
    for index, item in enumerate(found[:-1]):
        nxt = found[index + 1]
        if item.strong or item.kind not in ARMED_KINDS | {"unidentified"}:
            continue
        if context.folded(item.last) in country_words():
            continue  # «الطائرات التركية»: its nationality already names it
        between = [context.folded(k) for k in range(item.last + 1, nxt.first)]
        if not between and nxt.first > item.last and _is_by_or_and(context.folded(nxt.first), context.lexicon):
            continue  # «قتل جنديان بهجوم للقاعدة»: killed by its attack; «القوات الأمنية والحشد»: two forces
        if nxt.strong and nxt.kind in ARMED_KINDS and len(between) <= 2 and all(w in _words_of("affiliation") for w in between):
            actor = replace(nxt.actor, mention=item.actor.mention, span=item.actor.span)
            result[index] = replace(item, actor=actor, kind=nxt.kind, reason=f"belongs to {nxt.actor.name}")
    return result


def _is_by_or_and(word: str, lexicon: ActorLexicon) -> bool:
    """Whether a word opens a name with «ب» on a military noun or with the conjunction «و»."""
    conjoined = word.startswith("و") and word not in lexicon.heads and word not in _first_words()
    return conjoined or _is_by_head(word, lexicon)


@cache
def _first_words() -> frozenset[str]:
    """The first word of every form: «وحدات» opens «وحدات حماية الشعب», «والحشد» opens none."""
    return frozenset(key.split(" ")[0] for key in load_actor_lexicon().readings)


def _is_by_head(word: str, lexicon: ActorLexicon) -> bool:
    """Whether a word is a military noun only behind «ب»: «بهجوم», «بقصف» (not «بقايا»)."""
    if word in lexicon.heads:
        return False
    return any("ب" in a.proclitics and a.stem.removeprefix("ال") in lexicon.heads for a in analyze(word)[1:])


def _instruments(found: list[_Found], context: _Context, sentences: tuple[Span, ...]) -> list[_Found]:
    """A generic weapon or strike noun is the instrument of the group that wields it: «قصفت ميليشيا
    الحوثي بالمدفعية», «شن الجيش الإسرائيلي غارات» are the Houthis' artillery, Israel's strikes."""
    result = list(found)
    for index, item in enumerate(found):
        if item.strong or item.kind not in ARMED_KINDS:
            continue
        owner = _instrument_owner(index, item, result, context, sentences)
        if owner is not None:
            actor = replace(owner.actor, mention=item.actor.mention, span=item.actor.span)
            result[index] = replace(item, actor=actor, kind=owner.kind, reason=f"weapon of {actor.name}")
    return result


def _instrument_owner(index: int, item: _Found, found: list[_Found], context: _Context,
                      sentences: tuple[Span, ...]) -> _Found | None:
    """The group before a weapon noun with «ب» in the same sentence, or the group right before a
    strike noun («الجيش الإسرائيلي غارات»); a nationality («غارات روسية») already names its own."""
    word = context.folded(item.first)
    if word.startswith(("بال", "وبال")):
        sentence = _sentence_of(sentences, item.actor.span.start)
        owners = [f for f in found[:index] if f.strong and f.kind in ARMED_KINDS
                  and _sentence_of(sentences, f.actor.span.start) == sentence]
        return owners[-1] if owners else None
    previous = found[index - 1] if index else None
    if previous is None or previous.kind not in ARMED_KINDS:
        return None
    if not previous.strong and context.folded(previous.last) not in country_words():
        return None  # «الطائرات الحربية غارات» names nobody; «طائرات روسية غارات» does
    adjacent = previous.last + 1 == item.first and word in _words_of("strike_noun")
    return previous if adjacent and context.folded(item.last) not in country_words() else None


# -- persons ------------------------------------------------------------------------------------


def _person_role(word: str, lexicon: ActorLexicon) -> str | None:
    """The role of a person word, through «و»: «والقيادي» -> title."""
    if word in lexicon.person_words:
        return lexicon.person_words[word]
    return lexicon.person_words.get(word[1:]) if word[:1] in ("و", "ف") else None


def _kunya(position: int, context: _Context) -> tuple[int, int] | None:
    """«أبو عزام», «أبو سالم العراقي» starting at `position` (after «الملقب» if any)."""
    words = len(context.words)
    if position < words and _person_role(context.folded(position), context.lexicon) == "kunya":
        position += 1
    if position + 1 >= words or context.folded(position) not in _words_of("kunya_head"):
        return None
    if not _is_name_word(context.folded(position + 1)):
        return None
    last = position + 1
    nxt = context.folded(last + 1) if last + 1 < words else ""
    if nxt.startswith("ال") and nxt.endswith("ي") and _is_name_word(nxt):
        last += 1  # a nisba: «أبو سالم العراقي»
    return position, last


def _person_name(position: int, context: _Context, taken: set[int]) -> tuple[int, int] | None:
    """Up to three words of a name: «خلدون الزعبي», «أحمد محمد الحيدر»; later words only with «ال»."""
    def usable(k: int) -> bool:
        word = context.folded(k)
        return (k < len(context.words) and k not in taken and _is_name_word(word)
                and _person_role(word, context.lexicon) is None and word not in _words_of("kunya_head"))
    if position >= len(context.words) or not usable(position) or context.folded(position).startswith("ال"):
        return None
    last = position
    while last + 1 < len(context.words) and last - position < 2 and usable(last + 1):
        if last > position and not context.folded(last + 1).startswith("ال"):
            break
        last += 1
    return position, last


def _person(position: int, role: str, found: list[_Found], context: _Context, blocked: set[int]) -> _Found | None:
    """A person mention from a title word at `position`, with the group that follows it."""
    by_first = {f.first: f for f in found}
    taken = {k for f in found for k in range(f.first, f.last + 1)} | blocked
    cursor = position + 1
    while cursor < len(context.words) and context.folded(cursor) in _words_of("role_adjective"):
        cursor += 1
    group = by_first.get(cursor) or by_first.get(cursor + 1) if cursor < len(context.words) else None
    if group is not None:
        cursor = group.last + 1
        if cursor + 1 < len(context.words) and context.folded(cursor) in ("في", "ب") and context.folded(cursor + 1).startswith("ال"):
            cursor += 2  # «زعيم التنظيم في الجنوب»
        cursor = _past_ranks(cursor, context)  # «قائد قوات الدعم السريع الفريق أول محمد ...»
    name = _person_name(cursor, context, taken)
    kunya = _kunya(name[1] + 1 if name else cursor, context) or _kunya(cursor, context)
    if name is None and kunya is None:
        return None
    return _person_found(position, role, group, name, kunya, context)


def _past_ranks(cursor: int, context: _Context) -> int:
    """The position after the ranks between a group and a name: «الفريق أول», «اللواء», «المدعو»."""
    def rank(k: int) -> bool:
        word = context.folded(k)
        return _person_role(word, context.lexicon) == "title" or word in _words_of("role_adjective")
    while cursor < len(context.words) and rank(cursor):
        cursor += 1
    return cursor


def _person_found(position, role, group, name, kunya, context: _Context) -> _Found | None:
    if group is None and role != "civilian":
        return None
    last = max(x[1] for x in (name, kunya) if x)
    span = context.span(position, last)
    if group is None:
        row = context.lexicon.slot("civilians", context.country, context.day)
        actor, kind = canonical_actor(row, context.country, context, span)
    else:
        actor, kind = replace(group.actor, mention=span.quote(context.text), span=span), group.kind
    person = context.span(*name).quote(context.text) if name else None
    nick = context.span(*kunya).quote(context.text) if kunya else None
    if nick and fold_word(nick).startswith("با"):
        nick = nick[1:]  # «المعروف بأبي جعفر»: the preposition is not the nickname
    name_from = min(x[0] for x in (name, kunya) if x)
    return _Found(position, last, actor, "person", True, f"a person of {actor.name} ({kind})", person or nick, nick,
                  name_from)


def _place_words(places, context: _Context) -> set[int]:
    """Word positions that belong to places or place cues («غرب», «بدرعا»): never part of a name."""
    from rasd.extract.places import cue_of

    # A bare place name may be a person's («علي حسن» is also a village); one with a cue word or a
    # preposition on it («بدرعا», «قرية X») is a place.
    spans = sorted((p.span.start, p.span.end) for p in places if p.span.start < p.name_span.start or _has_preposition(p))
    starts = [start for start, _ in spans]
    blocked = {k for k, w in enumerate(context.words) if cue_of(context.tokens[w])}
    for k, w in enumerate(context.words):
        start = context.tokens[w].span.start
        at = bisect.bisect_right(starts, start) - 1  # the last place span starting at or before the word
        if at >= 0 and start < max(end for _, end in spans[max(0, at - 2):at + 1]):
            blocked.add(k)
    return blocked


def _has_preposition(place) -> bool:
    """«بدرعا»: the written words open with a preposition that the place's own name does not."""
    written, name = fold_word(place.location.mention), fold_word(place.location.name_ar)
    return written[:1] in ("ب", "ل") and not name.startswith(written[:1])


def _persons(found: list[_Found], context: _Context, blocked: set[int]) -> list[_Found]:
    """Every person introduced by a title, member or civilian word («القيادي في X خلدون الزعبي»)."""
    people = []
    for position in range(len(context.words)):
        role = _person_role(context.folded(position), context.lexicon)
        if role in ("title", "member", "civilian"):
            item = _person(position, role, found, context, blocked)
            if item:
                people.append(item)
    return people


def _in_a_name(item: _Found, people: list[_Found]) -> bool:
    """Whether a group's words are part of a person's name: «الشاب محمد أبو حماس» names no Hamas."""
    return any(p.name_from <= item.first and item.last <= p.last for p in people)


# -- the whole article --------------------------------------------------------------------------


def _in_a_kunya(match: _Match, context: _Context) -> bool:
    """Whether the words follow «أبو», «أم» or «بن» and so end a person's name: «محمد أبو حماس»."""
    return match.first > 0 and (context.folded(match.first - 1) in _words_of("kunya_head")
                                or context.folded(match.first - 1) == "بن")


def _resolve_matches(matches: list[_Match], context: _Context, places) -> list[_Found]:
    found: list[_Found] = []
    for match in matches:
        if _in_a_kunya(match, context):
            continue
        role = match.readings[0].role
        if role == "owner":
            _owner(match, found, context)
        elif role == "anaphor":
            _anaphor(match, found, context)
        elif role == "clan":
            _clan(match, found, context)
        elif role == "communal":
            _communal(match, found, context, places)
        elif item := _found(match.readings[0], context, match.first, match.last, f"«{match.key}»"):
            item = item if _joined(match, context) else _with_head(item, context)
            if found and found[-1].first >= item.first and not found[-1].strong:
                found.pop()  # «جنود الاحتلال»: the generic noun is the name's own head
            found.append(item)
    return found


def _joined(match: _Match, context: _Context) -> bool:
    """A name written with «و» before it is a second side («بين الجيش والحوثيين»), owned by no noun before."""
    return context.folded(match.first).startswith("و") and not match.key.startswith("و")


def _with_head(item: _Found, context: _Context) -> _Found:
    """Take in the military noun right before an armed group's name: «مقاتلات الاحتلال الروسي»
    (not before a crowd: «قوات الأمن المتظاهرين»)."""
    if item.first == 0 or item.kind not in ARMED_KINDS or _is_head(context.folded(item.first), context.lexicon):
        return item  # «دورية لقوات الأسد»: the name already opens with its military noun
    if not _is_head(context.folded(item.first - 1), context.lexicon):
        return item
    span = context.span(item.first - 1, item.last)
    actor = replace(item.actor, mention=span.quote(context.text), span=span)
    return replace(item, first=item.first - 1, actor=actor)


def _sentence_of(sentences: tuple[Span, ...], offset: int) -> int:
    return max(bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1, 0)


def _mention(item: _Found, sentences: tuple[Span, ...]) -> ActorMention:
    sentence = _sentence_of(sentences, item.actor.span.start)
    return ActorMention(item.actor.span, item.actor, item.kind, sentence, item.person, item.kunya, item.reason)


def find_actors(
    text: str, tokens: tuple[Token, ...], sentences: tuple[Span, ...], *,
    published: str | None = None, country: str | None = None, places=None,
) -> tuple[ActorMention, ...]:
    """Every actor mention of an article, canonical: «قصفت ميليشيا أسد» -> Military Forces of Syria (2000-2024).

    `places` (the article's PlaceMentions, when the caller has them) saves finding them again;
    they name the towns of communal bodies and, with no `country`, vote for the country.
    """
    from rasd.extract.places import find_places

    lexicon = load_actor_lexicon()
    words = _words(tokens)
    matches, longest = article_matches(tokens, words, lexicon)
    places = find_places(text, tokens, sentences) if places is None else places
    country = country or infer_country(places, longest, lexicon, (tokens[i].folded for i in words))
    chosen = _longest(_fitting(matches, country, framings_used(longest, country)))
    context = _Context(lexicon, country, reading_day(published, chosen), text, tokens, words)
    found = _instruments(_affiliate(_resolve_matches(chosen, context, places), context), context, sentences)
    people = _persons(found, context, _place_words(places, context))
    found = [f for f in found if not _in_a_name(f, people)] + people
    return tuple(sorted((_mention(f, sentences) for f in found), key=lambda m: (m.span.start, m.kind == "person")))


def resolve_actor(mention: str, *, published: str | None = None, country: str | None = None) -> Actor | None:
    """One mention to its canonical actor: resolve_actor("عصابات الأسد") -> Military Forces of Syria (2000-2024).

    A blank mention (the text names no perpetrator) is the Unidentified Armed Group of the
    country, as EVENTS.md codes unnamed attackers.
    """
    if not mention.strip():
        return _unnamed(published, country)
    mentions = [m for m in find_actors(mention, tokenize(mention), split_sentences(mention),
                                       published=published, country=country) if m.kind != "person"]
    if not mentions:
        return None
    head = mentions[0]
    return replace(head.actor, mention=mention, span=None)


def _unnamed(published: str | None, country: str | None) -> Actor:
    """The Unidentified Armed Group of the country (Syria when none is given)."""
    lexicon = load_actor_lexicon()
    country = country or DEFAULT_COUNTRY
    context = _Context(lexicon, country, reading_day(published, []), "", (), ())
    row = lexicon.slot("unidentified", country, context.day)
    actor, _ = canonical_actor(row, country, context, Span(0, 0))
    return replace(actor, span=None)
