"""Invented articles for the portal tests: one incident told by two outlets, a battle, a hostile page."""
from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from rasd.model import Actor, Article, Event, Location, Span
from rasd.store import Store
from rasd.store.portal import add_user

REVIEWER, PASSWORD = "huda", "correct-horse-7"
ATARIB = Location(name_ar="الأتارب", name_en="Al-Atarib", gazetteer_id="G-atarib", admin1="Aleppo",
                  country="Syria", lat=36.139, lon=36.825, geo_precision=1)
TAFAS = Location(name_ar="طفس", name_en="Tafas", gazetteer_id="G-tafas", admin1="Daraa", country="Syria",
                 lat=32.737, lon=35.973, geo_precision=1)
SARAQIB = Location(name_ar="سراقب", name_en="Saraqib", gazetteer_id="G-saraqib", admin1="Idlib",
                   country="Syria", lat=35.864, lon=36.806, geo_precision=1)
HOSTILE_TITLE = "<script>window.__pwned = 1</script>"
HOSTILE_LINE = 'قصف مدفعي على سراقب <img src=x onerror="window.__pwned = 2"> أدى إلى دمار واسع.'

STRIKE_A = ("غارات جوية على الأتارب",
            "شنت طائرات حربية روسية ثلاث غارات على مدينة الأتارب في ريف حلب الغربي صباح اليوم، "
            "ما أسفر عن مقتل أربعة مدنيين.",
            "وقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت الأنقاض.")
STRIKE_B = ("مقتل مدنيين بقصف جوي في الأتارب",
            "قتل أربعة مدنيين وأصيب آخرون جراء غارات نفذتها طائرات حربية على الأتارب غربي حلب.")
BATTLE = ("اشتباكات في طفس",
          "اندلعت اشتباكات عنيفة بين مقاتلين محليين وقوات النظام على أطراف مدينة طفس في ريف درعا الغربي أمس.")
HOSTILE = (HOSTILE_TITLE, HOSTILE_LINE, '<svg onload="window.__pwned = 3"></svg>')


def proof(lines: tuple[str, ...], index: int = 1) -> tuple[Span, ...]:
    """The span of line `index` in the text the lines make."""
    text = "\n".join(lines)
    start = text.index(lines[index])
    return (Span(start, start + len(lines[index])),)


def strike(lines, fatalities: int) -> Event:
    return Event("Explosions/Remote violence", "Air/drone strike", date="2023-03-14", date_offset_days=0,
                 actor1=Actor("Military Forces of Russia", "القوات الروسية", 8, "طائرات حربية روسية"),
                 actor2=Actor("Civilians (Syria)", "مدنيون", 7, "مدنيين"), location=ATARIB,
                 fatalities=fatalities, weapons=("warplane",), evidence=proof(lines),
                 notes="On 14 March 2023, Russian warplanes struck Al-Atarib. 4 killed.")


def portal_articles() -> list[Article]:
    battle = Event("Battles", "Armed clash", date="2023-03-13", date_offset_days=-1,
                   actor1=Actor("Military Forces of Syria (2000-2024)", "قوات النظام", 1, "قوات النظام"),
                   actor2=Actor("Unidentified Armed Group (Syria)", None, 3, "مقاتلين محليين"),
                   location=TAFAS, evidence=proof(BATTLE))
    shelling = Event("Explosions/Remote violence", "Shelling/artillery/missile attack", date="2023-03-12",
                     location=SARAQIB, evidence=proof(HOSTILE))
    return [
        _article("strike-a", STRIKE_A, "hawar-news", (strike(STRIKE_A, 4),)),
        _article("strike-b", STRIKE_B, "sham-times", (strike(STRIKE_B, 4),)),
        _article("battle-tafas", BATTLE, "hawar-news", (battle,)),
        _article("hostile", HOSTILE, "hostile-site", (shelling,)),
    ]


def _article(article_id: str, lines, outlet: str, events) -> Article:
    return Article(id=article_id, text="\n".join(lines), url=f"https://{outlet}.example/{article_id}",
                   outlet=outlet, published="2023-03-14", title=lines[0], language="ar", events=events)


def fill(store: Store) -> Store:
    """The invented articles and one reviewer, in `store`."""
    for article in portal_articles():
        store.save_article(article.url, article.id, article)
    add_user(store, REVIEWER, cheap_hash(PASSWORD))
    return store


@cache
def cheap_hash(password: str) -> str:
    """An argon2id hash with the cheapest parameters: the portal verifies it as any other, fast."""
    return PasswordHasher.from_parameters(CHEAPEST).hash(password)
