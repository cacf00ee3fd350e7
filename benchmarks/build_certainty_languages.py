"""Draw the sentence sample of the multilingual certainty set (issue 9, "claims beyond English").

Reads the real news excerpts of ``benchmarks/data/multilingual/articles.jsonl``, splits each text
into sentences with ``newstrace.analyse.sentences.split_sentences`` and draws, per language, a
reproducible sample (seed below) that over-samples sentences holding a *candidate* cue word, so the
rare classes (hedged, speculative, denied, attributed) are present:

- a sentence is eligible when ``is_claim`` accepts it and it has 6–70 words (Japanese: 12–160
  characters); there is no cap per article (the draw took 1–3 sentences from most articles, up to
  8 from one in the languages with few articles: ja, ru, pt);
- candidate words are the broad, hand-written stems of ``_CANDIDATES`` (reporting verbs, "according
  to", conditional/hedge forms, modals, denial verbs, in each language). They are written here, not
  taken from the classifier's lexicons, so that the sample does not favour the cues it already knows;
- ``_CANDIDATE_SHARE`` of each language's sample comes from candidate sentences, the rest from the
  others (a random draw of each pool, seed ``_SEED``);
- the half a sentence belongs to (dev or test) is fixed by its article: a language's article ids,
  ordered by their SHA-1, alternate dev, test, dev, … so no article has sentences in both halves;
  half of a language's target is drawn from each half's articles;
- then ``_RARE_EXTRA`` more a language (half from each half) among the sentences not drawn yet that
  hold a stem of ``_RARE`` (hedge, speculation and denial words only, no reporting verbs): the
  first two draws gave too few speculative and denied sentences. These extra sentences were
  drawn and labelled after the first ones (they come last in the sample).

Writes ``benchmarks/data/certainty-languages/sample.jsonl`` (one sentence a line, with its
language, article id, URL, half and the article text before it as context). The labels (made by
hand, ``labels.jsonl``) carry the same ids; ``--check`` verifies that they still match the sample.

    python benchmarks/build_certainty_languages.py           # write sample.jsonl
    python benchmarks/build_certainty_languages.py --check   # labels.jsonl matches the sample
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from newstrace.analyse.claims import is_claim
from newstrace.analyse.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "benchmarks" / "data" / "multilingual" / "articles.jsonl"
OUT = REPO / "benchmarks" / "data" / "certainty-languages"
_SEED = 9
_TARGET = {"de": 50, "fr": 50, "es": 50, "it": 50, "ru": 50, "pt": 40, "ja": 40}
_CANDIDATE_SHARE = 0.6
_CONTEXT_CHARS = 600

# Broad stems of attribution, hedge, speculation and denial words; matched case-insensitively at a
# word start (Japanese: anywhere). Over-inclusive on purpose: they only steer the sample.
_CANDIDATES: dict[str, str] = {
    "de": r"soll|angeblich|offenbar|offensichtlich|vermutlich|mutmaßlich|möglicherweise|wahrscheinlich|"
    r"könnt|dürft|würde|wohl\b|scheint|schien|befürcht|droh|dementi|bestr[ie]|zurückgewiesen|wies\b|"
    r"sagt|erklärt|teilt|berichte|laut\b|zufolge|nach angaben|heißt es|quelle|medien|betont|so\b",
    "fr": r"selon|d'après|d’après|aurai|serai|pourrai|peut-être|probable|sembl|apparemment|présum|"
    r"supposé|démen|dément|ni[ée]|rejet|réfut|déclar|indiqu|affirm|annonc|précis|expliqu|rappor|"
    r"source|crai|risqu|devrai|confirm",
    "es": r"según|habría|sería|podría|podrá|posible|probable|al parecer|parec|presunt|supuest|"
    r"neg[óa]|desmint|rechaz|dijo|afirm|declar|asegur|explic|inform|indic|fuente|tem[ei]|"
    r"se espera|confirm",
    "it": r"secondo|avrebbe|avrebbero|sarebbe|sarebbero|potrebbe|potrà|forse|probabil|sembr|pare\b|"
    r"presunt|smenti|negat|neg[ao]\b|respint|detto|dichiar|spiegat|affermat|annunciat|riferit|fonti|"
    r"tem[eo]|rischi|dovrebbe|confermat",
    "ru": r"по данным|по словам|сообщ|заяв|сказал|рассказ|отметил|пишет|якобы|предположительн|"
    r"возможно|вероятно|мож[ею]т|могл|кажется|по-видимому|по информации|источник|опроверг|отрица|"
    r"не подтвер|будто|по предварительн|считает|уточнил",
    "pt": r"segundo|de acordo com|teria|seria|poderia|pode\b|podem|possível|provável|provavelmente|"
    r"parece|suposto|alegad|negou|desmentiu|disse|afirmou|declarou|fontes|informou|confirm",
    "ja": r"によると|によれば|と述べ|と話し|と発表|とみられ|可能性|という|とされ|否定|ようだ|そうだ|"
    r"見通し|恐れ|かもしれ|と伝え|明らかにし|としている|語っ",
}


# Narrower stems of the rare classes only (hedge, speculation, denial; no reporting verbs): a third
# draw of ``_RARE_EXTRA`` sentences a language from those not drawn yet, so that the classes the
# news excerpts seldom hold (speculative, denied) are represented at all.
_RARE_EXTRA = 10
_RARE: dict[str, str] = {
    "de": r"soll|angeblich|offenbar|vermutlich|mutmaßlich|möglicherweise|wahrscheinlich|könnt|dürft|"
    r"würde|scheint|schien|befürcht|droh|dementi|bestr[ie]|zurückgewiesen|unklar|nicht bestätigt",
    "fr": r"aurai|serai|pourrai|peut-être|probable|sembl|apparemment|supposé|démen|dément|ni[ée]\b|"
    r"réfut|crai|risqu|devrai|redout|inquiét",
    "es": r"habría|sería|podría|podrá|posible|probable|al parecer|parec|supuest|neg[óa]|desmint|"
    r"rechaz|tem[ei]|se espera|se teme|riesgo",
    "it": r"avrebbe|avrebbero|sarebbe|sarebbero|potrebbe|potrà|forse|probabil|sembr|pare\b|smenti|"
    r"negat|respint|tem[eo]|rischi|dovrebbe|destinat",
    "ru": r"якобы|предположительн|возможно|вероятно|мож[ею]т|могл|кажется|по-видимому|опроверг|"
    r"отрица|не подтвер|будто|ожида|опаса",
    "pt": r"teria|seria|poderia|poderá|pode\b|podem|possível|provável|provavelmente|parece|suposto|"
    r"alegad|negou|desmentiu|teme",
    "ja": r"とみられ|可能性|とされ|否定|ようだ|そうだ|見通し|恐れ|かもしれ|という",
}


@dataclass(frozen=True, slots=True)
class SampledSentence:
    id: str
    lang: str
    article_id: str
    url: str
    split: str
    candidate: bool
    sentence: str
    context: str
    stratum: str = "main"  # "rare" for the third draw


def _halves(article_ids: list[str]) -> dict[str, str]:
    ordered = sorted(article_ids, key=lambda a: hashlib.sha1(a.encode()).hexdigest())
    return {a: ("dev" if k % 2 == 0 else "test") for k, a in enumerate(ordered)}


def _eligible(sentence: str, lang: str) -> bool:
    if not is_claim(sentence, lang):
        return False
    if lang == "ja":
        return 12 <= len(sentence) <= 160
    return 6 <= len(sentence.split()) <= 70


def _pool(rows: list[dict[str, str]], lang: str) -> list[SampledSentence]:
    halves = _halves([r["id"] for r in rows])
    candidate = re.compile(rf"(?<!\w)(?:{_CANDIDATES[lang]})" if lang != "ja" else _CANDIDATES[lang], re.I)
    pool: list[SampledSentence] = []
    for row in rows:
        seen: set[str] = set()
        for k, span in enumerate(split_sentences(row["text"], lang)):
            text = span.text
            if text in seen or not _eligible(text, lang):
                continue
            seen.add(text)
            pool.append(
                SampledSentence(
                    id=f"{row['id']}#{k}",
                    lang=lang,
                    article_id=row["id"],
                    url=row["url"],
                    split=halves[row["id"]],
                    candidate=bool(candidate.search(text)),
                    sentence=text,
                    context=row["text"][max(0, span.start - _CONTEXT_CHARS) : span.start],
                )
            )
    return pool


def _draw(pool: list[SampledSentence], target: int, rng: random.Random) -> list[SampledSentence]:
    """``_CANDIDATE_SHARE`` of ``target`` from candidate sentences, the rest from the others; a
    short pool fills from the other."""
    candidates = [s for s in pool if s.candidate]
    others = [s for s in pool if not s.candidate]
    rng.shuffle(candidates)
    rng.shuffle(others)
    want = round(target * _CANDIDATE_SHARE)
    taken: list[SampledSentence] = []

    def take(source: list[SampledSentence], limit: int) -> None:
        for s in source:
            if len(taken) >= limit:
                return
            if s not in taken:
                taken.append(s)

    take(candidates, want)
    take(others, target)
    take(candidates, target)
    return sorted(taken, key=lambda s: s.id)


def _draw_rare(
    pool: list[SampledSentence], taken: set[str], lang: str, rng: random.Random
) -> list[SampledSentence]:
    """Up to ``_RARE_EXTRA`` more sentences (half from each half) holding a rare-class stem."""
    rare = re.compile(rf"(?<!\w)(?:{_RARE[lang]})" if lang != "ja" else _RARE[lang], re.I)
    extra: list[SampledSentence] = []
    for half in ("dev", "test"):
        left = [s for s in pool if s.split == half and s.id not in taken and rare.search(s.sentence)]
        rng.shuffle(left)
        extra += sorted((replace(s, stratum="rare") for s in left[: _RARE_EXTRA // 2]), key=lambda s: s.id)
    return extra


def build() -> list[SampledSentence]:
    rows = [json.loads(line) for line in ARTICLES.read_text("utf-8").splitlines() if line.strip()]
    sample: list[SampledSentence] = []
    for lang, target in _TARGET.items():
        rng = random.Random(f"{_SEED}-{lang}")
        pool = _pool([r for r in rows if r["lang"] == lang], lang)
        for half in ("dev", "test"):  # half the target from each half's articles
            sample += _draw([s for s in pool if s.split == half], target // 2, rng)
        sample += _draw_rare(pool, {s.id for s in sample}, lang, random.Random(f"{_SEED}-{lang}-rare"))
    return sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="check labels.jsonl against the sample")
    args = parser.parse_args(argv)
    sample = build()
    if args.check:
        labels = [json.loads(x) for x in (OUT / "labels.jsonl").read_text("utf-8").splitlines() if x.strip()]
        drawn = {s.id: s.sentence for s in sample}
        bad = [x["id"] for x in labels if drawn.get(x["id"]) != x["sentence"]]
        print(f"{len(labels)} labels, {len(sample)} sampled, {len(bad)} not matching the sample: {bad[:5]}")
        return 1 if bad or len(labels) != len(sample) else 0
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "sample.jsonl").open("w", encoding="utf-8") as out:
        for s in sample:
            out.write(json.dumps(asdict(s), ensure_ascii=False) + "\n")
    for lang in _TARGET:
        mine = [s for s in sample if s.lang == lang]
        dev = sum(s.split == "dev" for s in mine)
        cand = sum(s.candidate for s in mine)
        print(
            f"{lang}: {len(mine)} sentences ({dev} dev, {len(mine) - dev} test; {cand} with a candidate word)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
