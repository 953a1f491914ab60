"""Counts written in digits or words, and the killed and injured they report.

`parse_count` reads one count at a token: «21», «٢١», «ستة عشر», «خمسة
وعشرون», «عشرات», «أكثر من 20». `find_casualties` finds the tolls of an
article following EVENTS.md: the lowest number stated, vague words valued as
ACLED does (several 10, dozens 12, hundreds 100) for the killed, injuries
left unknown (None) when no number is given, dual and singular nouns counted
(«طفلان» 2, «مقتل شاب» 1), and a raised toll («ارتفع عدد القتلى إلى 7»)
marked `revised` so that it replaces the older one.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Iterable

from rasd.extract.lexicon import PhraseTable, bare_forms, lexicon_rows, phrase_key, sentence_index
from rasd.model import Span
from rasd.text.months import WEEKDAYS
from rasd.text.normalize import fold_word, strip_article
from rasd.text.segment import Token, analyze

COUNT_ROLES = ("unit", "teen", "ten", "hundred", "thousand")
MARKER_ROLES = ("lower", "approx", "lower_after")
# Particles the readers step over or stop at, folded.
AND, OF, TO, BETWEEN, ARTICLE, BY = "و", "من", "الي", "بين", "ال", "ب"
CONJUNCTIONS = ("و", "ف")


@dataclass(frozen=True, slots=True)
class Count:
    """A count read from the text: its value, where it ends, and how sure it is."""

    value: int
    end: int             # index of the token after the count
    lower_bound: bool    # «أكثر من 20», «ما لا يقل عن 20»
    vague: bool          # «عشرات», «عدد من»: ACLED's conventional value


@cache
def number_words() -> dict[str, dict[str, int]]:
    """Role -> folded single word -> value, from data/lexicon/number_words.tsv."""
    table: dict[str, dict[str, int]] = {}
    for word, value, role in lexicon_rows("number_words"):
        if " " not in word:
            table.setdefault(role, {})[phrase_key(word)[0]] = int(value)
    return table


@cache
def count_markers() -> PhraseTable[str]:
    """Phrases around a number: «أكثر من» is lower, «نحو» approx, «على الأقل» (after it) lower_after."""
    rows = lexicon_rows("number_words")
    return PhraseTable({phrase_key(w): role for w, _, role in rows if role in MARKER_ROLES})


def _digits(folded: str) -> int | None:
    """The integer a folded digit token writes: «1,200» -> 1200; «3.5» -> None."""
    plain = folded.replace(",", "")
    return int(plain) if plain.isdigit() else None


def _word_value(folded: str, role: str, *, conjunction: bool = False) -> int | None:
    """The value of a number word of `role`, through a leading «و» when `conjunction`."""
    words = number_words().get(role, {})
    if conjunction:   # «واحد» after a number is «و» + «أحد»
        return words.get(folded[1:]) if folded.startswith(AND) else None
    return words.get(folded)


def _unit_part(tokens: tuple[Token, ...], index: int, joined: bool) -> tuple[int, int] | None:
    """A unit, a unit + «عشر» (teen) or a unit + «مئة» at tokens[index]: «ستة عشر» -> 16."""
    value = _word_value(tokens[index].folded, "unit", conjunction=joined)
    if value is None:
        return None
    following = tokens[index + 1].folded if index + 1 < len(tokens) else ""
    if _word_value(following, "teen") is not None and value < 10:
        return value + 10, index + 2
    if _word_value(following, "hundred") == 100 and value > 2:
        return value * 100, index + 2
    return value, index + 1


def _word_part(tokens: tuple[Token, ...], index: int, joined: bool) -> tuple[int, int] | None:
    """One additive part of a number in words: a unit, teen, ten or hundreds word."""
    if index >= len(tokens):
        return None
    part = _unit_part(tokens, index, joined)
    if part is not None:
        return part
    folded = tokens[index].folded
    for role in ("teen", "ten", "hundred", "thousand"):
        value = _word_value(folded, role, conjunction=joined)
        if value is not None:
            return value, index + 1
    return None


def _joined(tokens: tuple[Token, ...], index: int) -> tuple[int, bool]:
    """Where the next part of a compound number starts: after a lone «و», or on «وعشرون»."""
    if index < len(tokens) and tokens[index].folded == AND:
        return index + 1, False
    return index, True


def _words_number(tokens: tuple[Token, ...], index: int, conjoined: bool = False) -> tuple[int, int] | None:
    """A number in words, its parts joined by «و»: «مئة وخمسة وعشرون» -> 125."""
    first = _word_part(tokens, index, conjoined)
    if first is None:
        return None
    total, end = _times_thousand(tokens, *first)
    while True:
        start, joined = _joined(tokens, end)
        part = _word_part(tokens, start, joined)
        if part is None:
            return _times_thousand(tokens, total, end)
        total, end = total + part[0], part[1]


def _times_thousand(tokens: tuple[Token, ...], total: int, end: int) -> tuple[int, int]:
    """A count followed by «ألف/آلاف» is thousands: «25 ألف» -> 25000."""
    if end < len(tokens) and total < 1000 and _word_value(tokens[end].folded, "thousand") == 1000:
        return total * 1000, end + 1
    return total, end


def _core_count(tokens: tuple[Token, ...], index: int, conjoined: bool) -> Count | None:
    """A number in digits or words, or a vague count word, at tokens[index]."""
    folded = tokens[index].folded
    value = _digits(folded)
    if value is not None:
        total, end = _times_thousand(tokens, value, index + 1)
        return Count(total, end, False, False)
    number = _words_number(tokens, index, conjoined)
    if number is not None:
        return Count(number[0], number[1], False, False)
    return _vague_count(tokens, index)


def _vague_count(tokens: tuple[Token, ...], index: int) -> Count | None:
    """«عشرات», «العديد من», «عدد من» (not «عدد القتلى»): ACLED's value, vague."""
    of = index + 1 < len(tokens) and tokens[index + 1].folded == OF
    words = number_words()
    for form in bare_forms(tokens[index].folded):
        value = words["vague"].get(form) or (words["vague_of"].get(form) if of else None)
        if value is not None:
            return Count(value, index + 2 if of else index + 1, False, True)
    return None


def read_count(tokens: tuple[Token, ...], index: int, *, conjoined: bool = False) -> Count | None:
    """The count starting at tokens[index], with its lower-bound or approximate marker.

    «أكثر من ٢٠ مدنيا» -> Count(20, lower_bound=True); «عشرات الجرحى» -> Count(12, vague=True).
    With `conjoined`, the first word may carry «و»: «ونحو 140», «وثلاثة».
    """
    if not 0 <= index < len(tokens):
        return None
    marker = count_markers().match(tokens, index, clitics=conjoined)
    marker = marker if marker and marker[0] != "lower_after" else None
    start = marker[1] if marker else index
    if start >= len(tokens):
        return None
    count = _core_count(tokens, start, conjoined and not marker)
    if count is None or (marker and count.vague):
        return None
    lower = bool(marker) and marker[0] == "lower"
    return Count(count.value, count.end, lower, count.vague)


def parse_count(tokens: tuple[Token, ...], index: int) -> tuple[int, int, bool] | None:
    """(value, index after the number words, is_lower_bound) for a count at tokens[index].

    «ستة عشر قتيلا» -> (16, 2, False); «أكثر من 20» -> (20, 3, True).
    """
    count = read_count(tokens, index)
    return None if count is None else (count.value, count.end, count.lower_bound)


# -- casualties ----------------------------------------------------------------

KILLED, INJURED, ANY = "killed", "injured", "any"
# The lemma victims.tsv gives words that name no group of victims («آخرون»).
NO_GROUP = "-"
TOLL_SCAN = 20       # tokens a raised toll may run before its «إلى»
POST_VERB_SCAN = 8   # tokens between counted victims and the verb after them
NEGATION_SCAN = 5    # tokens before a trigger a negation may stand: «لم تعلن الجهات الرسمية عن وقوع ضحايا»
LATER_SCAN = 10     # tokens a phrase of place or cause may hold between a trigger and its count
SUBJECT_SCAN = 3     # words of a subject between an active verb and its victims
SUBJECT_REACH = 6    # words of a named subject («قوات الاحتلال الإسرائيلي») before a count of victims
# Plural and dual nominative endings: a subject, not the victims, after an active verb.
NOMINATIVE_ENDINGS = ("ون", "ان")
# Pronouns on a trigger, by the number of victims they stand for (0: several).
PRONOUN_NUMBERS = {"ه": 1, "ها": 1, "هما": 2, "هم": 0, "هن": 0}
# Endings of dual and plural relation nouns («فلسطينيان», «يمنيين»); a singular
# ending («ـيا») is too often another word («بشظايا»).
NISBA_ENDINGS = (("يان", 2), ("يين", 0), ("يون", 0))
WEEKDAY_KEYS = frozenset(fold_word(day) for day in WEEKDAYS)


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """A number of people killed or injured, as the text states it."""

    span: Span
    kind: str                   # "killed" | "injured"
    count: int | None           # None = unknown/vague where EVENTS.md says null
    sentence: int
    victims: str | None = None  # the noun counted, folded: «مدني», «عنصر», «طفل»
    lower_bound: bool = False   # «على الأقل», «أكثر من»: the figure is a floor
    vague: bool = False         # a conventional ACLED value («عشرات» 12), not a stated number
    revised: bool = False       # a raised toll («ارتفع عدد القتلى إلى 7»): replaces older ones


@dataclass(frozen=True, slots=True)
class _Word:
    kind: str
    role: str
    number: int | None


@dataclass(frozen=True, slots=True)
class _Victims:
    lemma: str | None
    number: int          # 1, 2, or 0 for a plural
    end: int


@cache
def casualty_words() -> PhraseTable[_Word]:
    """Folded word or phrase -> its kind, role and number (data/lexicon/casualty_words.tsv)."""
    entries = {}
    for word, kind, role, number in lexicon_rows("casualty_words"):
        entries[phrase_key(word)] = _Word(kind, role, int(number) if number else None)
    return PhraseTable(entries)


@cache
def victim_forms() -> dict[str, tuple[str, int]]:
    """Folded noun form -> (folded lemma, number); a form both dual and plural reads plural."""
    forms = {}
    for lemma, *columns in lexicon_rows("victims"):
        for number, column in zip((1, 2, 0), columns):
            for form in filter(None, column.split(",")):  # an empty column: no such form («ثالث»)
                forms[phrase_key(form)[0]] = (phrase_key(lemma)[0], number)
    return forms


def _word_at(tokens: tuple[Token, ...], index: int, *roles: str) -> tuple[_Word, int] | None:
    """The casualty word of one of `roles` at tokens[index], and the index after it."""
    found = casualty_words().match(tokens, index)
    return found if found and found[0].role in roles else None


def _victim_forms_of(text: str, folded: str) -> list[str]:
    """Folded forms to look a victim noun up by: clitics, article and pronoun stripped.

    A plural in construct drops its «ن»: «مقاتليها» is looked up as «مقاتلين» too.
    """
    forms = list(bare_forms(folded))
    forms += [f[len(ARTICLE):] for f in forms if f.startswith(ARTICLE)]
    forms += [a.stem for a in analyze(text)]
    return forms + [f + "ن" for f in forms if f.endswith("ي")]


def _nisba(form: str) -> tuple[str, int] | None:
    """(lemma, number) of a dual or plural relation noun not in the lexicon: «فلسطينيان» 2."""
    if len(form) < 6:
        return None
    for ending, number in NISBA_ENDINGS:
        if form.endswith(ending):
            return strip_article(form[:len(form) - len(ending)] + "ي"), number
    return None


def _victim_lookup(token: Token) -> tuple[str, int] | None:
    """(folded lemma, number) of a victim noun, from the lexicon or as a relation noun."""
    return _victim_of_word(token.text, token.folded)


@lru_cache(maxsize=65536)
def _victim_of_word(text: str, folded: str) -> tuple[str, int] | None:
    """_victim_lookup of one written word, remembered: «مدنيين» -> ("مدني", 0)."""
    forms = _victim_forms_of(text, folded)
    known = next((victim_forms()[f] for f in forms if f in victim_forms()), None)
    if known is not None:
        return known
    return _nisba(folded[1:] if folded.startswith(AND) else folded)


def _victims_at(tokens: tuple[Token, ...], index: int) -> _Victims | None:
    """The victim noun at tokens[index] (after an optional «من»): «مدنيين», «من عناصر»."""
    if index < len(tokens) and tokens[index].folded == OF:
        index += 1
    if index >= len(tokens):
        return None
    found = _victim_lookup(tokens[index])
    if found is None:
        return None
    lemma, number = found
    return _Victims(None if lemma == NO_GROUP else lemma, number, index + 1)


@dataclass(frozen=True, slots=True)
class _Toll:
    """A casualty figure found on tokens[first:last], before it becomes a mention."""

    first: int
    last: int
    kind: str
    count: int | None
    victims: str | None = None
    lower_bound: bool = False
    vague: bool = False
    revised: bool = False


def _value(kind: str, count: int, vague: bool) -> int | None:
    """The figure to report: vague injuries are unknown (EVENTS.md), vague deaths keep ACLED's value."""
    return None if vague and kind == INJURED else count


def _uncounted_value(kind: str, number: int) -> tuple[int | None, bool]:
    """(figure, vague) for victims named without a number: «شاب» 1, «شابين» 2, «شبان» several."""
    if number:
        return number, False
    return _value(kind, 10, True), True


def _skip_fillers(tokens: tuple[Token, ...], index: int) -> int:
    """The first token from `index` that is neither punctuation nor a time word: «قتل، أمس، 3»."""
    while index < len(tokens):
        filler = _word_at(tokens, index, "filler")
        if filler is not None:
            index = filler[1]
        elif not tokens[index].folded.isalnum() or tokens[index].folded in WEEKDAY_KEYS:
            index += 1
        else:
            return index
    return index


def _at_least(tokens: tuple[Token, ...], index: int) -> int:
    """The index after «على الأقل» when it stands at `index`, else `index`."""
    after = count_markers().match(tokens, index, clitics=False)
    return after[1] if after and after[0] == "lower_after" else index


def _negated(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether a negation stands shortly before tokens[index]: «لم ترد أنباء عن وقوع إصابات»."""
    return any(_word_at(tokens, i, "negation") for i in range(max(index - NEGATION_SCAN, 0), index))


def _counted(tokens: tuple[Token, ...], first: int, count: Count, kind: str) -> _Toll | None:
    """A toll whose number is stated: «مقتل 21 مدنيا على الأقل», «سقوط 4 قتلى»."""
    end = count.end + (count.end < len(tokens) and tokens[count.end].folded == OF)
    if _word_at(tokens, end, "thing"):
        return None
    noun = _word_at(tokens, end, "noun")
    victims = _victims_at(tokens, count.end)
    kind = noun[0].kind if kind == ANY and noun else kind
    if kind == ANY:
        return None
    last = max(count.end, noun[1] if noun else 0, victims.end if victims else 0)
    after = _at_least(tokens, last)
    lower = count.lower_bound or after > last
    lemma = victims.lemma if victims else None
    return _Toll(first, after, kind, _value(kind, count.value, count.vague), lemma, lower, count.vague)


def _named_victims(tokens: tuple[Token, ...], first: int, index: int, kind: str) -> _Toll | None:
    """Victims named without a number before them: «مقتل شاب», «إصابة مدنيين اثنين»."""
    victims = _victims_at(tokens, index)
    if victims is None or kind == ANY:
        return None
    after = read_count(tokens, victims.end)
    if after is not None and not after.vague and after.value <= 10:
        return _Toll(first, after.end, kind, after.value, victims.lemma)
    count, vague = _uncounted_value(kind, victims.number)
    partner = _partner(tokens, victims.end) if victims.number == 1 else None
    if partner is not None:  # «امرأة وطفلها», «رجل وزوجته»: one and one more
        return _Toll(first, victims.end + 1, kind, 1 + partner, victims.lemma)
    return _Toll(first, victims.end, kind, count, victims.lemma, vague=vague)


def _partner(tokens: tuple[Token, ...], index: int) -> int | None:
    """How many a victim noun joined by «و» right after a singular one adds: «وطفلها» 1, «وطفلاه» 2."""
    if index >= len(tokens) or not tokens[index].folded.startswith(AND) or len(tokens[index].folded) < 3:
        return None
    found = _victim_lookup(tokens[index])
    return found[1] if found and found[0] != NO_GROUP and found[1] in (1, 2) else None


def _noun_chain(tokens: tuple[Token, ...], first: int, index: int) -> list[_Toll]:
    """Casualty nouns without numbers, joined by «و»: «سقوط قتلى وجرحى», «قتيل وجريح».

    A singular noun before a definite one is in construct and counts nothing: «ضحية القصف».
    """
    tolls = []
    while (noun := _word_at(tokens, index, "noun")) is not None:
        word, end = noun
        if word.number == 1 and end < len(tokens) and tokens[end].folded.startswith(ARTICLE):
            break   # a noun in construct names no toll: «سقط ضحية القصف»
        count, vague = _uncounted_value(word.kind, word.number or 0)
        tolls.append(_Toll(first if not tolls else index, end, word.kind, count, vague=vague))
        index = end + (end < len(tokens) and tokens[end].folded == AND)
    return tolls


def _both_kinds(tokens: tuple[Token, ...], first: int, index: int, word: _Word) -> list[_Toll]:
    """«مقتل وإصابة 5»: one figure for both; at least one killed, the injured unknown."""
    other = _word_at(tokens, index, "trigger")
    if word.kind != KILLED or not tokens[index].folded.startswith(AND) or not other:
        return []
    if other[0].kind != INJURED or read_count(tokens, other[1]) is None:
        return []
    count = read_count(tokens, other[1])
    return [_Toll(first, index, KILLED, 1, lower_bound=True), _Toll(index, count.end, INJURED, None)]


def _after_trigger(tokens: tuple[Token, ...], first: int, word: _Word, end: int) -> list[_Toll]:
    """The toll a trigger introduces: a count, named victims, or casualty nouns after it."""
    index = _skip_fillers(tokens, end)
    if index >= len(tokens):
        return []
    both = _both_kinds(tokens, first, index, word)
    count = read_count(tokens, index)
    if both or count is not None:
        return both or [t for t in (_counted(tokens, first, count, word.kind),) if t]
    named = _named_victims(tokens, first, index, word.kind)
    if named is not None:
        return [named]
    chain = _noun_chain(tokens, first, index) or _counted_later(tokens, first, index, word.kind)
    if chain or word.number is None or word.kind == ANY:
        return chain
    return [_Toll(first, end, word.kind, word.number)]


def _counted_later(tokens: tuple[Token, ...], first: int, index: int, kind: str) -> list[_Toll]:
    """Counted victims after a phrase of place or cause: «وقتل في الغارة ثلاثة أطفال»."""
    opens = _word_at(tokens, index, "through") or tokens[index].folded.startswith(BY)
    if not opens or kind == ANY:
        return []
    for i in range(index + 1, min(index + LATER_SCAN, len(tokens))):
        if not tokens[i].folded.isalnum() or _word_at(tokens, i, "trigger", "active", "post"):
            return []
        count = read_count(tokens, i)
        if count is not None and _victims_at(tokens, count.end) is not None:
            toll = _counted(tokens, first, count, kind)
            return [toll] if toll else []
    return []


def _toll_count(tokens: tuple[Token, ...], index: int, raised: bool) -> tuple[int, Count] | None:
    """(index where the count starts, count) of a toll: after «إلى» when raised, else the first one."""
    for i in range(index + 1, min(index + TOLL_SCAN, len(tokens))):
        if raised and tokens[i].folded == TO:
            count = read_count(tokens, i + 1)
            return (i + 1, count) if count else None
        if not raised and (count := read_count(tokens, i)) is not None:
            return i, count
    return None


def _raised_toll(tokens: tuple[Token, ...], index: int) -> list[_Toll]:
    """«ارتفع عدد القتلى إلى 7» (revised), «بلغت حصيلة الضحايا 20 قتيلا و64 جريحا»."""
    word = _word_at(tokens, index, "toll", "total")
    found = _toll_count(tokens, index, word[0].role == "toll") if word else None
    if found is None:
        return []
    start, count = found
    nouns = [w[0].kind for i in range(index + 1, start) if (w := _word_at(tokens, i, "noun"))]
    if word[0].role == "total" and not nouns:
        return []
    toll = _counted(tokens, index, count, nouns[0] if nouns else KILLED)
    if toll is None:
        return []
    revised = word[0].role == "toll"
    first = _Toll(toll.first, toll.last, toll.kind, toll.count, toll.victims, toll.lower_bound, toll.vague, revised)
    return [first, *_second_toll(tokens, toll.last, revised)]


def _second_toll(tokens: tuple[Token, ...], index: int, revised: bool) -> list[_Toll]:
    """The other kind a toll adds after «و»: «إلى 20 قتيلا ونحو 140 جريحا»."""
    if index < len(tokens) and tokens[index].folded == AND:
        index += 1
    elif index >= len(tokens) or not tokens[index].folded.startswith(AND):
        return []
    count = read_count(tokens, index, conjoined=True)
    toll = _counted(tokens, index, count, ANY) if count else None
    if toll is None:
        return []
    return [_Toll(toll.first, toll.last, toll.kind, toll.count, toll.victims, toll.lower_bound, toll.vague, revised)]


def _pronoun_toll(tokens: tuple[Token, ...], index: int) -> list[_Toll]:
    """A trigger with a pronoun for its victims: «مقتله» 1, «مقتلهما» 2, «لإصابته بجروح» 1.

    «إصابته» alone may be a building hit, so the injured need a wound word after them.
    """
    if _word_at(tokens, index, "object") or _negated(tokens, index):
        return []
    for analysis in analyze(tokens[index].text)[1:]:
        number = PRONOUN_NUMBERS.get(analysis.enclitic)
        word = casualty_words().entries.get((analysis.stem,))
        if number is None or word is None or word.role not in ("trigger", "active") or word.kind == ANY:
            continue
        if word.kind == KILLED or _word_at(tokens, index + 1, "wound"):
            count, vague = _uncounted_value(word.kind, number)
            return [_Toll(index, index + 1, word.kind, count, vague=vague)]
    return []


def _by_trigger(tokens: tuple[Token, ...], index: int) -> list[_Toll]:
    """The toll a trigger word at `index` introduces, unless a negation comes before it."""
    found = _word_at(tokens, index, "trigger", "active")
    if found is None:
        return _pronoun_toll(tokens, index) if tokens[index].folded.isalpha() else []
    if _negated(tokens, index):
        return []
    end = _past_subject(tokens, found[1]) if found[0].role == "active" or _acts_on_object(tokens, found) else found[1]
    end = _past_description(tokens, end) if end > found[1] else end
    first = index if end == found[1] else end  # «اغتال مسلحون مجهولون ضابطا»: the toll is the object, not the subject
    return _after_trigger(tokens, first, found[0], end) or _counted_after_subject(tokens, found[0], end)


def _acts_on_object(tokens: tuple[Token, ...], found: tuple[_Word, int]) -> bool:
    """«قتل مسلحون مجهولون رجلا وزوجته»: a killing verb whose nominative subject is followed by
    its victims is active (the victims are the object), not «قُتل مسلحون»."""
    word, index = found
    past = _past_subject(tokens, index)
    if word.kind != KILLED or word.role != "trigger" or past == index or past >= len(tokens):
        return False
    past = _past_description(tokens, past)
    return _victims_at(tokens, past) is not None or read_count(tokens, past) is not None


def _past_description(tokens: tuple[Token, ...], past: int) -> int:
    """Past a clause describing the subject, to its victims: «اغتال مسلحون يستقلون دراجة نارية ناشطا»."""
    if past == 0 or past >= len(tokens) or not _describes_subject(tokens, past - 1):
        return past
    reach = range(past, min(past + DESCRIPTION_REACH + 1, len(tokens)))
    reach = range(past, next((i for i in reach if not tokens[i].folded.isalpha()), reach.stop))
    counted = next((i for i in reach if read_count(tokens, i) is not None), None)  # «زيا عسكريا ثلاثة رعاة»
    return counted if counted is not None else next((i for i in reach if _victims_at(tokens, i) is not None), past)


DESCRIPTION_REACH = 4  # words of a clause describing the subject: «يستقلون دراجة نارية»


def _describes_subject(tokens: tuple[Token, ...], index: int) -> bool:
    """An imperfect plural verb closing the subject: «مسلحون مجهولون يستقلون», «يرتدون»."""
    word = tokens[index].folded
    return len(word) > 4 and word[0] in "يت" and word.endswith(("ون", "ان"))


def _counted_after_subject(tokens: tuple[Token, ...], word: _Word, index: int) -> list[_Toll]:
    """Counted victims after the named subject of an active verb: «قتلت القوات الخاصة ثلاثة مسلحين»
    (the toll starts at the count, so the subject is not read as the victims)."""
    if word.kind != KILLED or word.role not in ("trigger", "active"):
        return []
    for i in range(index, min(index + SUBJECT_REACH, len(tokens))):
        if not tokens[i].folded.isalnum() or _word_at(tokens, i, "trigger", "active", "post", "through"):
            return []
        count = read_count(tokens, i)
        if count is not None:
            toll = _counted(tokens, i, count, word.kind) if _victims_at(tokens, count.end) else None
            return [toll] if toll else []
        named = _named_victims(tokens, i, i, word.kind) if word.role == "active" else None
        if named is not None:  # «اغتالت طائرة مسيرة قياديا في الحركة»
            return [named]
    return []


def _past_subject(tokens: tuple[Token, ...], index: int) -> int:
    """After an active verb, the index past a nominative subject: «اغتال مسلحون مجهولون ضابطا»."""
    stop = min(index + SUBJECT_SCAN, len(tokens))
    while index < stop and tokens[index].folded.endswith(NOMINATIVE_ENDINGS):
        index += 1
    return index


def _post_verb(tokens: tuple[Token, ...], index: int) -> tuple[_Word, int] | None:
    """The verb after counted victims, within the clause: «3 مدنيين ... قتلوا»."""
    for i in range(index, min(index + POST_VERB_SCAN, len(tokens))):
        if not tokens[i].folded.isalnum():
            return None
        found = _word_at(tokens, i, "post")
        if found is not None:
            return found[0], i + 1
    return None


def _count_first(tokens: tuple[Token, ...], index: int) -> list[_Toll]:
    """A count before a casualty noun or before victims and a verb: «4 قتلى», «3 مدنيين قتلوا»."""
    count = read_count(tokens, index)
    if count is None:
        return []
    noun = _word_at(tokens, count.end, "noun")
    partitive = (not count.vague and count.end < len(tokens)
                 and tokens[count.end].folded.startswith(ARTICLE))  # «أحد الضحايا» refers back
    if noun and not partitive:
        return [t for t in (_counted(tokens, index, count, ANY),) if t]
    victims = _victims_at(tokens, count.end)
    verb = _post_verb(tokens, victims.end) if victims else None
    if verb is None and victims and count.value == 1:
        verb = _verb_after(tokens, victims.end, True)   # «أحد عناصره قتل»
    if verb is None:
        return []
    toll = _counted(tokens, index, count, verb[0].kind)
    return [_Toll(index, verb[1], toll.kind, toll.count, toll.victims, toll.lower_bound, toll.vague)] if toll else []


def _verb_after(tokens: tuple[Token, ...], index: int, singular: bool) -> tuple[_Word, int] | None:
    """A verb right after victims: a post verb («أصيبا»), or after one victim an unjoined trigger verb («شخص أصيب»)."""
    verb = _word_at(tokens, index, "post")
    if verb is None and singular and index < len(tokens) and not tokens[index].folded.startswith(CONJUNCTIONS):
        verb = _word_at(tokens, index, "trigger")
        verb = verb if verb and verb[0].kind != ANY else None
    return verb


def _standalone(tokens: tuple[Token, ...], index: int) -> list[_Toll]:
    """Victims then a verb, or a singular or dual casualty noun: «مدنيين أصيبا», «قتيل وجريح»."""
    victims = _victims_at(tokens, index)
    if victims is not None and tokens[index].folded != OF:
        verb = _verb_after(tokens, victims.end, victims.number == 1)
        if verb is not None:
            number = verb[0].number if verb[0].number is not None else victims.number
            count, vague = _uncounted_value(verb[0].kind, number)
            return [_Toll(index, verb[1], verb[0].kind, count, victims.lemma, vague=vague)]
    noun = _word_at(tokens, index, "noun")
    if noun and noun[0].number == 0 and (count := read_count(tokens, noun[1])) is not None and not count.vague:
        return [_Toll(index, count.end, noun[0].kind, count.value)]  # «جثث خمسة أشخاص»
    return _noun_chain(tokens, index, index) if noun and noun[0].number and not _after_between(tokens, index) else []


def _after_between(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether a casualty noun follows «بين», maybe after another: «بين قتيل وجريح» splits a toll."""
    if index > 0 and tokens[index - 1].folded == BETWEEN:
        return True
    return index > 1 and tokens[index - 2].folded == BETWEEN and bool(_word_at(tokens, index - 1, "noun"))


PASSES = (_raised_toll, _by_trigger, _count_first, _standalone)


@cache
def _opening_words() -> frozenset[str]:
    """Folded words a toll may open with: casualty words, counts and victim nouns."""
    words = {key[0] for key in casualty_words().entries} | set(victim_forms())
    words |= {key[0] for key in count_markers().entries}
    return frozenset(words | {w for table in number_words().values() for w in table})


@lru_cache(maxsize=65536)
def _may_open(text: str, folded: str) -> bool:
    """Whether a token may open a toll: digits, or a lexicon word through its clitics."""
    if folded[:1].isdigit() or any(form in _opening_words() for form in bare_forms(folded)):
        return True
    return any(a.stem in _opening_words() or a.stem + "ن" in _opening_words() for a in analyze(text)) or (
        _nisba(folded) is not None)


# Words of care before a casualty noun: the wounded were tended, not counted («إسعاف جريح», «نقل الجرحى»).
CARE_WORDS = frozenset({"اسعاف", "لاسعاف", "باسعاف", "نقل", "لنقل", "علاج", "لعلاج", "اجلاء", "لاجلاء"})


def _tolls(tokens: tuple[Token, ...]) -> list[_Toll]:
    """Every toll, each pass skipping tokens an earlier pass used."""
    used: set[int] = set()
    tolls: list[_Toll] = []
    openers = [i for i, token in enumerate(tokens) if _may_open(token.text, token.folded)
               and not (i and tokens[i - 1].folded in CARE_WORDS)]  # «إسعاف جريح» is no toll
    for find in PASSES:
        for index in openers:
            if index in used:
                continue
            for toll in find(tokens, index):
                if not used.intersection(range(toll.first, toll.last)):
                    tolls.append(toll)
                    used.update(range(toll.first, toll.last))
    return sorted(tolls, key=lambda t: t.first)


def find_casualties(text: str, tokens: tuple[Token, ...], sentences: tuple[Span, ...]) -> tuple[CasualtyMention, ...]:
    """Every statement of people killed or injured in the text.

    «قتل 3 مدنيين وأصيب آخرون» -> killed 3 (مدني), injured None.
    """
    mentions = []
    for toll in _tolls(tokens):
        span = Span(tokens[toll.first].span.start, tokens[toll.last - 1].span.end)
        mentions.append(CasualtyMention(
            span, toll.kind, toll.count, sentence_index(sentences, span.start), toll.victims,
            toll.lower_bound, toll.vague, toll.revised,
        ))
    return tuple(mentions)


# -- one figure per event --------------------------------------------------------


def _figure(mentions: list[CasualtyMention]) -> int | None:
    """The figure EVENTS.md keeps: the latest raised toll, else the lowest stated, else a vague one."""
    revised = [m.count for m in mentions if m.revised and m.count is not None]
    stated = [m.count for m in mentions if not m.vague and m.count is not None]
    vague = [m.count for m in mentions if m.vague and m.count is not None]
    if revised:
        return revised[-1]
    return min(stated) if stated else (min(vague) if vague else None)


def event_casualties(
    mentions: tuple[CasualtyMention, ...], sentences: Iterable[int]
) -> tuple[int, int | None]:
    """(fatalities, injuries) for an event stated in `sentences`, by EVENTS.md's rules.

    «قتل 15 عسكريا» and «أعلنت الوكالة مقتل 13 عسكريا» -> 13 (sources disagree: the lower);
    «ارتفع عدد القتلى إلى 20» beats an earlier 15 (a newer toll). No killed -> 0, no injured -> None.
    """
    inside = set(sentences)
    chosen = [m for m in mentions if m.sentence in inside]
    killed = _figure([m for m in chosen if m.kind == KILLED])
    injured = _figure([m for m in chosen if m.kind == INJURED])
    return killed or 0, injured
