"""A story's title: the headline of its most typical member, in its main language, newer on near ties."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise

from newstrace.cluster.stories import StoryClusterer
from newstrace.cluster.titles import Headline, TitleConfig, choose_headline, headline_of
from newstrace.records import Article

_START = datetime(2031, 3, 9, 11, 0)

_FIRST = (
    "A gunman opened fire during a Sunday service at Millbrook Chapel on Alder Road, police said.",
    "One worshipper was killed and several were taken to Millbrook General Hospital.",
    "Officers sealed off the streets around the chapel and asked residents to stay indoors.",
    "The suspect fled on foot and a search of the surrounding woods was under way, police added.",
)
_LATER = (
    "Five worshippers were killed when a gunman opened fire at Millbrook Chapel, police said.",
    "The death toll rose to five overnight as three of the wounded died at Millbrook General Hospital.",
    "Police arrested a 34-year-old suspect in the woods north of Millbrook after a night-long search.",
    "Mourners gathered for a vigil outside the chapel on Alder Road to remember the five victims.",
    "The mayor of Millbrook ordered flags lowered and said the town would grieve its five dead together.",
    "Investigators said the suspect had bought the rifle weeks earlier and had no criminal record.",
)


def _report(title: str, lines: list[str], hours: float | None, language: str = "en") -> Article:
    published = _START + timedelta(hours=hours) if hours is not None else None
    return Article(title=title, body=lines, language=language, published=published)


def _later(i: int, hours: float | None) -> Article:
    lines = [_LATER[(i + k) % len(_LATER)] for k in range(4)]
    return _report(f"Five dead in Millbrook chapel shooting, suspect held ({i})", lines, hours)


def _titles(articles: list[Article]) -> list[str]:
    """The story's title after each article, all replayed into one story."""
    clusterer = StoryClusterer()
    titles = []
    for i, article in enumerate(articles):
        article.id = i + 1
        clusterer.add_known(article, 1)
        titles.append(clusterer.story_summary(1).title)
    return titles


def test_a_first_report_superseded_by_later_coverage_gives_way() -> None:
    first = _report("One dead in Millbrook chapel shooting", list(_FIRST), 0)
    titles = _titles([first, *(_later(i, 3 + i) for i in range(4))])
    assert titles[0] == "One dead in Millbrook chapel shooting"
    assert titles[-1].startswith("Five dead")


def test_a_brief_names_a_story_only_until_a_full_report_joins() -> None:
    brief = _report("Shots at chapel", ["Police report gunfire at Millbrook Chapel. More soon."], 0)
    titles = _titles([brief, _later(0, 1)])
    assert titles == ["Shots at chapel", "Five dead in Millbrook chapel shooting, suspect held (0)"]


def test_the_title_is_in_the_language_most_members_share() -> None:
    copy = _report(
        "Fünf Tote bei Schüssen in Kapelle von Millbrook",
        [
            "Ein Schütze hat während eines Gottesdienstes in der Millbrook Chapel das Feuer eröffnet.",
            "Fünf Menschen wurden getötet, ein 34-jähriger Verdächtiger wurde festgenommen.",
            "Die Polizei durchsuchte die Wälder nördlich von Millbrook die ganze Nacht.",
            "Vor der Kapelle versammelten sich Trauernde zu einer Mahnwache für die fünf Opfer.",
        ],
        0,
        language="de",
    )
    titles = _titles([copy, _later(0, 1), _later(1, 2)])
    assert titles[0].startswith("Fünf")
    assert titles[1].startswith("Fünf")  # one each: the title's language holds
    assert titles[2].startswith("Five dead")  # English now leads


def test_the_title_does_not_flicker_with_every_article() -> None:
    reports = [_later(i, 0.25 * i) for i in range(12)]  # near-identical reports, 15 minutes apart
    titles = _titles(reports)
    changes = sum(1 for a, b in pairwise(titles) if a != b)
    assert changes <= 1


def test_a_much_newer_near_tie_replaces_the_title() -> None:
    titles = _titles([_later(0, 0), _later(1, 1), _later(2, 30)])
    assert titles[1] == titles[0]  # an hour later: the title holds
    assert titles[2].endswith("(2)")  # a day later and as typical: the newer report names it


def test_undated_reports_are_titled_by_typicality_and_repeat_exactly() -> None:
    articles = [_report("One dead in Millbrook chapel shooting", list(_FIRST), None)]
    articles += [_later(i, None) for i in range(4)]
    first, again = _titles(articles), _titles([*articles])
    assert first == again
    assert first[-1].startswith("Five dead")


def _headline(article_id: int, terms: dict[str, float], hours: float | None, full: bool = True) -> Headline:
    published = _START + timedelta(hours=hours) if hours is not None else None
    words = 100 if full else 5
    made = headline_of(f"headline {article_id}", article_id, "en", terms, published, words, TitleConfig())
    assert made is not None
    return made


def test_choose_headline_prefers_the_newest_near_tie_and_keeps_a_bounded_pool() -> None:
    centroid = {"a": 1.0, "b": 1.0}
    config = TitleConfig(pool=2, near_tie=0.1, refresh_hours=6)
    best = _headline(1, {"a": 0.71, "b": 0.70}, 0)
    near_newer = _headline(2, {"a": 0.70, "b": 0.66}, 10)
    far_newer = _headline(3, {"a": 0.3, "c": 0.9}, 20)
    brief = _headline(4, {"a": 0.71, "b": 0.71}, 30, full=False)
    pool = [best, near_newer, far_newer, brief]
    chosen, kept = choose_headline(pool, None, centroid, 2**0.5, config)
    assert chosen == near_newer  # a near tie, newer: preferred to the best score
    assert [h.article_id for h in kept] == [2, 1, 3]  # the brief ranks last and is dropped
    held, _ = choose_headline(pool, best, centroid, 2**0.5, TitleConfig(refresh_hours=12))
    assert held == best  # the current title holds against a near tie newer by under 12 hours


def test_a_member_without_a_title_gives_none() -> None:
    assert headline_of("  ", 1, "en", {"a": 1.0}, None, 100, TitleConfig()) is None


def test_of_near_ties_a_headline_is_preferred_to_a_lead_sentence() -> None:
    config = TitleConfig()
    lead = " ".join(["A gunman opened fire during a Sunday service at a chapel,"] * 3)
    terms = {"chapel": 0.8, "gunman": 0.6}
    sentence = headline_of(lead, 1, "en", terms, _START, 100, config)
    headline = headline_of(
        "Gunman kills five at chapel", 2, "en", {"chapel": 0.75, "gunman": 0.6}, _START, 100, config
    )
    assert sentence is not None and headline is not None and not sentence.shaped and headline.shaped
    chosen, _ = choose_headline(
        [sentence, headline], sentence, {"chapel": 1.0, "gunman": 1.0}, 2**0.5, config
    )
    assert chosen == headline  # the current title, a lead sentence, gives way to a near-tie headline
    off_topic = headline_of("Chapel bake sale", 3, "en", {"chapel": 0.3, "cake": 0.9}, _START, 100, config)
    assert off_topic is not None
    chosen, _ = choose_headline([sentence, off_topic], None, {"chapel": 1.0, "gunman": 1.0}, 2**0.5, config)
    assert chosen == sentence  # a headline far less typical does not name the story
