"""The packaged cue model: generic features only, and stance cues the lexicon lacks."""

from __future__ import annotations

from newstrace.analyse.attribution import find_attributions
from newstrace.analyse.cue_model import cue_probability, features, load_cue_model, stem
from newstrace.analyse.lexicon import tokenize


def test_model_is_packaged_and_small() -> None:
    model = load_cue_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert 0 < len(model.weights) < 3000
    # the vocabulary is common lower-case English words: no names, no numbers
    assert all(word.isalpha() and word.islower() for word in model.vocabulary)


def test_features_hide_words_outside_the_vocabulary() -> None:
    model = load_cue_model()
    assert model is not None
    tokens = tokenize("Zorblax Quentworth wants to repeal the law.")
    active = features(tokens, 0, model.vocabulary)
    assert "w=<other>" in active and not any("zorblax" in f for f in active)


def test_stem() -> None:
    assert stem("supports") == stem("supported") == stem("supporting") == "support"


def test_stance_cues_beyond_the_lexicon() -> None:
    text = "Jones plans to visit the border next week."
    assert not find_attributions(text, learned=False)
    model = load_cue_model()
    assert model is not None
    tokens = tokenize(text)
    assert cue_probability(model, tokens, 1) > model.threshold > cue_probability(model, tokens, 3)
    (attribution,) = find_attributions(text)
    assert attribution.learned and attribution.cue.text == "plans"
    assert attribution.source is not None and attribution.source.text == "Jones"


def test_a_learned_adverb_takes_its_verb() -> None:
    (attribution,) = find_attributions("Smith also pushed the idea of a wall.")
    assert attribution.cue.text == "also pushed"
    assert attribution.source is not None and attribution.source.text == "Smith"


def test_other_languages_use_no_model() -> None:
    assert all(not a.learned for a in find_attributions("Der Minister sagte, die Lage sei ernst.", "de"))
