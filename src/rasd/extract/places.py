"""Find the places an article names and resolve each to a gazetteer row.

One pass of an Aho-Corasick automaton over the folded token stream finds
every gazetteer name, through clitics («بدرعا», «وإدلب», «للرقة»). Words
around a name confirm it and set ACLED's geo_precision: «قرية X» (1),
«محيط X», «غرب X», «بين X و Y» (2), «ريف X», «محافظة X» (3). A name
that is also a common word (عدوان, الباب) counts only with such support.
Homonyms are told apart by the governorate the sentence or the article
names, then by size. Unknown names after a place-type word («قرية عين
الزوان بريف القنيطرة») are kept, ungeocoded, with the admin1 of their context.
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from rasd.extract.gazetteer import Gazetteer, Place, load_gazetteer, strip_article_key
from rasd.model import Location, Span
from rasd.resources import data_path
from rasd.text.normalize import fold_word
from rasd.text.segment import Token, analyze

PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
ARTICLE_PREFIXES = frozenset({p + "ال" for p in PROCLITICS} | {"لل", "ولل", "فلل"})
# Words that end an unknown place name after a place-type word.
NAME_STOPS = frozenset(fold_word(w) for w in (
    "في", "من", "على", "إلى", "الى", "عن", "مع", "بعد", "قبل", "التي", "الذي", "الواقعة",
    "الواقع", "حيث", "أو", "او", "ضمن", "خلال", "عند", "منذ", "نحو", "حتى", "لدى",
    "لم", "لن", "لا", "ما", "قد", "كان", "كانت", "هذه", "هذا", "تلك", "ذلك", "كل", "بعض",
))
PRECISION_BY_ROLE = {"place": 1, "near": 2, "between": 2, "direction": 2, "region": 3}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text, how it was named, and where it resolved."""

    span: Span           # the whole mention, cue words included: «بلدة عدوان»
    name_span: Span      # the name alone: «عدوان»
    sentence: int        # index of the sentence it stands in
    role: str            # place | near | between | direction | region
    location: Location
    reason: str


@dataclass(frozen=True, slots=True)
class _NameMatch:
    first: int           # token positions, inclusive
    last: int
    key: str
    candidates: tuple[Place, ...]


@dataclass(frozen=True, slots=True)
class _Cue:
    role: str
    value: str
    token: int


@cache
def place_words() -> dict[str, tuple[str, str]]:
    """Folded cue word -> (role, value), from data/lexicon/place_words.tsv."""
    words = {}
    for line in data_path("lexicon", "place_words.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "word\t")):
            word, role, value = line.split("\t")
            words[fold_word(word)] = (role, value)
    return words


@cache
def common_words() -> frozenset[str]:
    """Place names that are also frequent ordinary words (data/lexicon/common_words.txt)."""
    path = data_path("lexicon", "common_words.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold_word(w) for w in lines if w and not w.startswith("#"))


def cue_of(token: Token) -> tuple[str, str] | None:
    """The cue a token carries, through its clitics: «بريف» -> ("region", "countryside")."""
    words = place_words()
    if token.folded in words:
        return words[token.folded]
    for analysis in analyze(token.text):
        for form in (analysis.stem, "ال" + analysis.stem):
            if form in words and (analysis.proclitics or analysis.has_article):
                return words[form]
    return None


def _stream(tokens: tuple[Token, ...]) -> tuple[str, list[int]]:
    starts, parts, position = [], [], 0
    for token in tokens:
        starts.append(position)
        parts.append(token.folded)
        position += len(token.folded) + 1
    return " ".join(parts), starts


def _lookup_key(gazetteer: Gazetteer, prefix: str, found: str) -> str | None:
    if prefix in ARTICLE_PREFIXES and not found.startswith("ال"):
        key = "ال" + found
        return key if key in gazetteer.by_key else None
    if prefix in PROCLITICS and found in gazetteer.by_key:
        return found
    return None


def match_names(tokens: tuple[Token, ...], gazetteer: Gazetteer) -> list[_NameMatch]:
    """Every gazetteer name standing on whole tokens (after clitics), longest first per place."""
    stream, starts = _stream(tokens)
    ends = {start + len(token.folded): i for i, (start, token) in enumerate(zip(starts, tokens))}
    matches = []
    for end, found in gazetteer.automaton.iter(stream):
        last = ends.get(end + 1)
        begin = end + 1 - len(found)
        first = bisect.bisect_right(starts, begin) - 1
        if last is None or first < 0:
            continue
        key = _lookup_key(gazetteer, stream[starts[first]:begin], found)
        if key and not (first == last and cue_of(tokens[first])):
            matches.append(_NameMatch(first, last, key, gazetteer.lookup(key)))
    return _longest(matches)


def _longest(matches: list[_NameMatch]) -> list[_NameMatch]:
    chosen, taken = [], set()
    for match in sorted(matches, key=lambda m: (m.first - m.last, m.first)):
        span = set(range(match.first, match.last + 1))
        if not span & taken:
            chosen.append(match)
            taken |= span
    return sorted(chosen, key=lambda m: m.first)


def _cue_before(tokens: tuple[Token, ...], first: int) -> _Cue | None:
    """The cue word right before a name («بريف» in «بريف درعا»), if any."""
    if first == 0:
        return None
    cue = cue_of(tokens[first - 1])
    return _Cue(cue[0], cue[1], first - 1) if cue else None


def _sentence_of(sentences: tuple[Span, ...], offset: int) -> int:
    starts = [s.start for s in sentences]
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _distance_km(a: Place, b: Place) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class _Context:
    """What the article says about where things are: its country and the anchors it names."""

    country: str | None
    anchors: tuple[tuple[int, int, Place], ...]   # (match index, sentence, place)

    def admin1_counts(self, sentence: int | None, exclude: int) -> Counter:
        """Governorates named by the anchors (of one sentence, or of the article), but one match."""
        return Counter(
            place.admin1_en for index, where, place in self.anchors
            if index != exclude and (sentence is None or where == sentence)
        )

    def places_except(self, exclude: int) -> list[Place]:
        return [place for index, _, place in self.anchors if index != exclude]


def _anchor(match: _NameMatch, country: str | None = None) -> Place | None:
    """A confident reading of a name for context: the biggest place it can be (in the country)."""
    pool = [p for p in match.candidates if country is None or p.country_code == country]
    best = max(pool, key=lambda p: (p.rank, p.population), default=None)
    return best if best and best.rank >= 5 else None


def _build_context(matches, sentence_of_match) -> _Context:
    usable = [(i, m) for i, m in enumerate(matches) if m.key not in common_words()]
    countries = Counter()
    for _, match in usable:
        if anchor := _anchor(match):
            countries[anchor.country_code] += anchor.rank  # a governorate outweighs a town
    country = countries.most_common(1)[0][0] if countries else None
    anchors = tuple(
        (i, sentence_of_match[i], a) for i, m in usable
        if (a := _anchor(m, country)) and a.admin1_en
    )
    return _Context(country, anchors)


TYPE_FITS = {
    "governorate": {"governorate", "province"},
    "city": {"city", "capital", "town", "district"},
    "town": {"town", "village", "city"},
    "village": {"village", "town", "locality"},
    "neighbourhood": {"neighbourhood", "village", "locality"},
    "subdistrict": {"subdistrict", "town"},
}


def _score(place: Place, index: int, sentence: int, cue: _Cue | None, context: _Context) -> tuple[float, str]:
    score, why = place.rank * 0.5 + math.log10(place.population + 1) * 0.3, []
    if context.admin1_counts(sentence, index)[place.admin1_en]:
        score, why = score + 10, why + [f"in {place.admin1_en}, named in the sentence"]
    elif context.admin1_counts(None, index)[place.admin1_en]:
        score, why = score + 5, why + [f"in {place.admin1_en}, named in the article"]
    if context.country and place.country_code == context.country:
        score += 4
    if cue and cue.role == "place" and place.feature_class in TYPE_FITS.get(cue.value, ()):
        score, why = score + 2, why + [f"a {place.feature_class}, as «{cue.value}» says"]
    near = min((_distance_km(place, a) for a in context.places_except(index)), default=math.inf)
    if near < 30:
        score, why = score + 3, why + [f"{near:.0f} km from another place of the article"]
    if place.is_admin_unit and not (cue and cue.role in ("region",) or (cue and cue.value == "governorate")):
        score -= 3
    return score, "; ".join(why) or f"largest candidate ({place.feature_class})"


def _is_supported(match, index, cue, sentence, context, coordinated: bool) -> bool:
    """Whether a name is a place here: a cue, a list of places, a big place, or a governorate around it."""
    if cue is not None or coordinated:
        return True
    if match.key in common_words():
        return False
    if context.country and all(p.country_code != context.country for p in match.candidates):
        return any(p.rank >= 6 for p in match.candidates)  # a foreign capital, not a namesake village
    if match.last > match.first or any(p.rank >= 4 for p in match.candidates):
        return True  # multi-word names and towns are rarely ordinary words
    around = context.admin1_counts(sentence, index) + context.admin1_counts(None, index)
    return any(around[p.admin1_en] for p in match.candidates)


def _role(cue: _Cue | None, place: Place) -> str:
    if cue is None:
        return "region" if place.is_admin_unit else "place"
    if cue.role == "type":
        return "region" if cue.value == "governorate" or place.is_admin_unit else "place"
    return {"near": "near", "between": "between", "direction": "direction"}.get(cue.role, "region")


def to_location(place: Place, role: str, mention: str, span: Span) -> Location:
    return Location(
        name_ar=place.name_ar, name_en=place.name_en, gazetteer_id=place.id,
        admin1=place.admin1_en, admin2=place.admin2_en or None, admin3=place.admin3_en or None,
        country=place.country, lat=place.lat, lon=place.lon,
        geo_precision=PRECISION_BY_ROLE.get(role, 1), mention=mention, span=span,
    )


def _coordinated(tokens, matches, index) -> bool:
    """«X و Y» or «X، Y» with a confirmed neighbour: lists of villages."""
    match = matches[index]
    nxt = matches[index + 1] if index + 1 < len(matches) else None
    prv = matches[index - 1] if index > 0 else None
    nxt = None if nxt and nxt.key in common_words() else nxt  # «السوق ومدرسة» is no list of places
    prv = None if prv and prv.key in common_words() else prv
    joined_next = nxt and nxt.first - match.last <= 2 and tokens[match.last + 1].folded in ("،", ",", "و")
    starts_with_and = tokens[match.first].folded.startswith("و")
    joined_prev = prv and match.first - prv.last <= 2 and (starts_with_and or tokens[prv.last + 1].folded in ("،", ","))
    return bool(joined_next or joined_prev)


def find_places(text: str, tokens: tuple[Token, ...], sentences: tuple[Span, ...]) -> tuple[PlaceMention, ...]:
    """Every place mention of an article, resolved: find_places(text, tokenize(text), split_sentences(text))."""
    gazetteer = load_gazetteer()
    matches = match_names(tokens, gazetteer)
    sentence_of = [_sentence_of(sentences, tokens[m.first].span.start) for m in matches]
    context = _build_context(matches, sentence_of)
    found, shadowed = [], []
    for index, (match, sentence) in enumerate(zip(matches, sentence_of)):
        cue = _cue_before(tokens, match.first)
        if not _is_supported(match, index, cue, sentence, context, _coordinated(tokens, matches, index)):
            continue
        mention = _resolve(text, tokens, match, index, sentence, cue, context)
        if _foreign_to_context(mention, index, sentence, cue, context):
            shadowed.append(match)  # «قرية صيدا الجولان»: not Saida in Lebanon
            continue
        found.append(mention)
    kept = [m for m in matches if m not in shadowed]
    found.extend(unknown_names(text, tokens, sentences, kept, context))
    return tuple(sorted(found, key=lambda m: m.span.start))


def _foreign_to_context(mention, index, sentence, cue, context) -> bool:
    """A name read outside the article's country, or a type-cued one outside the governorate around it."""
    location = mention.location
    if context.country and _country_code(location.country) != context.country:
        return location.geo_precision != 3 or cue is not None
    if cue is None or cue.role != "type":
        return False
    local = context.admin1_counts(sentence, index)
    return bool(local) and location.admin1 not in local


def _country_code(name: str | None) -> str | None:
    from rasd.extract.gazetteer import COUNTRY_NAMES

    return next((code for code, full in COUNTRY_NAMES.items() if full == name), name)


def _resolve(text, tokens, match, index, sentence, cue, context) -> PlaceMention:
    scored = [(*_score(p, index, sentence, cue, context), p) for p in match.candidates]
    score, reason, place = max(scored, key=lambda item: item[0])
    if len(scored) > 1:
        reason = f"{reason}; chosen over {len(scored) - 1} other place(s) of that name"
    name_span = Span(tokens[match.first].span.start, tokens[match.last].span.end)
    start = tokens[cue.token].span.start if cue else name_span.start
    span = Span(start, name_span.end)
    role = _role(cue, place)
    location = to_location(place, role, span.quote(text), span)
    named = surface_name(tokens, match)
    if fold_word(named) != fold_word(place.name_ar):
        location = replace(location, name_ar=named)  # the alias the text used: «بصرى الشام» for «بصرى»
    return PlaceMention(span, name_span, sentence, role, location, reason)


def surface_name(tokens: tuple[Token, ...], match: _NameMatch) -> str:
    """The name as written, without the clitics on its first word: «وبدرعا البلد» -> «درعا البلد»."""
    words = [t.text for t in tokens[match.first:match.last + 1]]
    first_folded = tokens[match.first].folded
    head = match.key.split(" ")[0]
    if not first_folded.endswith(head):
        head = head[2:] if head.startswith("ال") else head  # «للمدينة»: the article's alef is not written
    cut = max(len(first_folded) - len(head), 0)
    words[0] = _drop_letters(words[0], cut)
    if len(words) > 1 and place_words().get(fold_word(words[0]), ("",))[0] == "type":
        words = words[1:]  # «حي درعا البلد» is the quarter «درعا البلد»
    return " ".join(words)


def _drop_letters(word: str, count: int) -> str:
    """Drop `count` leading letters, with any marks on them: ("بِدرعا", 1) -> "درعا"."""
    position = 0
    while count and position < len(word):
        position += 1
        while position < len(word) and fold_word(word[position]) == "":
            position += 1
        count -= 1
    return word[position:]


def unknown_names(text, tokens, sentences, matches, context) -> list[PlaceMention]:
    """Names the gazetteer lacks, confirmed by a place-type word: «قرية عين الزوان»."""
    covered = {i for m in matches for i in range(m.first, m.last + 1)}
    found = []
    for i, token in enumerate(tokens[:-1]):
        cue = cue_of(token)
        if not cue or cue[0] != "type" or cue[1] == "governorate" or i + 1 in covered:
            continue
        if _has_article(token):
            continue  # «المنطقة», «الطريق»: the generic noun, not a name ahead
        last = _name_extent(tokens, i + 1, covered)
        if last is None:
            continue
        found.append(_unknown_mention(text, tokens, sentences, i, last, cue[1], context))
    return found


def _name_extent(tokens, first: int, covered: set[int]) -> int | None:
    """Last token of an unknown name starting at `first`: one word, or more joined by «ال» words."""
    def usable(token: Token) -> bool:
        return token.folded.isalpha() and token.folded not in NAME_STOPS and cue_of(token) is None
    if first in covered or not usable(tokens[first]) or len(tokens[first].folded) < 2:
        return None
    if _is_nisba(tokens[first].folded):
        return None  # «الأحياء السكنية»: an adjective, not a name
    last = first
    while last + 1 < len(tokens) and last - first < 2:
        nxt = tokens[last + 1]
        if (last + 1) in covered or not usable(nxt) or not nxt.folded.startswith("ال"):
            break
        if _is_nisba(nxt.folded):
            break  # a nisba adjective: «الحدودي», «الشرقية»
        if nxt.span.start - tokens[last].span.end > 1:
            break
        last += 1
    return last


def _has_article(token: Token) -> bool:
    return any(a.has_article and not a.enclitic for a in analyze(token.text)[1:2]) or token.folded.startswith(("ال", "وال", "بال", "فال", "لل"))


def _is_nisba(folded: str) -> bool:
    """An adjective of relation with the article: «الشرقية», «الحدودي», «السكنية»."""
    return folded.startswith("ال") and folded.endswith(("يه", "ي")) and len(folded) > 5


def _unknown_mention(text, tokens, sentences, cue_index, last, kind, context) -> PlaceMention:
    first = cue_index + 1
    name_span = Span(tokens[first].span.start, tokens[last].span.end)
    span = Span(tokens[cue_index].span.start, name_span.end)
    sentence = _sentence_of(sentences, span.start)
    local = context.admin1_counts(sentence, -1) or context.admin1_counts(None, -1)
    admin1 = local.most_common(1)[0][0] if local else None
    country = _country_name(context.country)
    location = Location(
        name_ar=name_span.quote(text), admin1=admin1, country=country,
        geo_precision=1, mention=span.quote(text), span=span,
    )
    reason = f"not in the gazetteer; a {kind} by «{tokens[cue_index].text}»"
    return PlaceMention(span, name_span, sentence, "place", location, reason + (f", in {admin1}" if admin1 else ""))


def _country_name(code: str | None) -> str | None:
    from rasd.extract.gazetteer import COUNTRY_NAMES

    return COUNTRY_NAMES.get(code, code) if code else None


def with_precision(mention: PlaceMention, precision: int) -> PlaceMention:
    """The same mention at another geo_precision (used by the event stage for «محيط»)."""
    return replace(mention, location=replace(mention.location, geo_precision=precision))
