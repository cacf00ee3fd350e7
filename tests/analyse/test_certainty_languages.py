"""Certainty classes beyond English (issue 9): one short news sentence a class for each language of
the default feeds that has a cue lexicon. The sentences were written for this test (realistic news
wording, not taken from any article); they check that the hedging, speculative and denial cues of
``src/newstrace/data/claims/<language>.json`` reach the classifier, and that a plain statement stays
asserted."""

from __future__ import annotations

import pytest

from newstrace.analyse.attribution import classify_source, find_attributions, load_lexicon
from newstrace.analyse.certainty import classify_certainty
from newstrace.analyse.claims import analyse_claims, claim_in_context
from newstrace.analyse.sentences import split_sentences
from newstrace.records import Article

CASES: list[tuple[str, str, str]] = [
    # German
    ("de", "Der Minister soll angeblich zurückgetreten sein.", "hedged"),
    ("de", "Dem Vernehmen nach verhandeln beide Seiten seit Wochen im Geheimen.", "hedged"),
    ("de", "Die Regierung könnte schon im Herbst neue Schulden aufnehmen.", "speculative"),
    ("de", "Das Ministerium dementierte den Bericht am Abend.", "denied"),
    ("de", "Der Zug erreichte Berlin mit zwei Stunden Verspätung.", "asserted"),
    # French
    ("fr", "Le ministre aurait démissionné dans la nuit.", "hedged"),
    ("fr", "Selon la presse locale, le suspect a été arrêté à Lyon.", "hedged"),
    ("fr", "La grève pourrait durer jusqu'à la fin du mois.", "speculative"),
    ("fr", "Le gouvernement a démenti toute négociation secrète.", "denied"),
    ("fr", "Le pont a été fermé à la circulation mardi matin.", "asserted"),
    # Spanish
    ("es", "El alcalde habría recibido pagos de la constructora.", "hedged"),
    ("es", "Al parecer, el incendio comenzó en la cocina.", "hedged"),
    ("es", "El Banco Central podría subir los tipos en marzo.", "speculative"),
    ("es", "El gobierno negó las acusaciones de espionaje.", "denied"),
    ("es", "El tren llegó a Madrid con una hora de retraso.", "asserted"),
    # Italian
    ("it", "Il sindaco avrebbe incontrato i costruttori in segreto.", "hedged"),
    ("it", "Secondo indiscrezioni, la società sarà venduta entro l'estate.", "hedged"),
    ("it", "Il governo potrebbe cadere entro la settimana.", "speculative"),
    ("it", "Il ministero ha smentito la notizia del rimpasto.", "denied"),
    ("it", "Il treno è arrivato a Roma con un'ora di ritardo.", "asserted"),
    # Portuguese
    ("pt", "O ministro teria recebido o empresário em sua casa.", "hedged"),
    ("pt", "Segundo fontes do governo, o acordo será assinado amanhã.", "hedged"),
    ("pt", "A inflação pode voltar a subir no próximo trimestre.", "speculative"),
    ("pt", "A empresa negou as acusações de fraude.", "denied"),
    ("pt", "O voo aterrou em Lisboa às seis da manhã.", "asserted"),
    # Dutch
    ("nl", "De minister zou hebben ingestemd met het plan.", "hedged"),
    ("nl", "Naar verluidt is de verdachte het land ontvlucht.", "hedged"),
    ("nl", "De staking kan nog weken duren.", "speculative"),
    ("nl", "Het ministerie ontkende dat er geheime gesprekken waren.", "denied"),
    ("nl", "De trein kwam met een uur vertraging aan in Utrecht.", "asserted"),
    # Swedish
    ("sv", "Ministern ska ha känt till bristerna sedan i våras.", "hedged"),
    ("sv", "Enligt uppgifter till tidningen har bolaget sagt upp hundra anställda.", "hedged"),
    ("sv", "Räntan kan höjas redan i december.", "speculative"),
    ("sv", "Regeringen tillbakavisade uppgifterna på tisdagen.", "denied"),
    ("sv", "Tåget kom fram till Malmö med en timmes försening.", "asserted"),
    # Romanian
    ("ro", "Ministrul ar fi primit bani de la firmă.", "hedged"),
    ("ro", "Se pare că incendiul a pornit de la o țigară.", "hedged"),
    ("ro", "Guvernul ar putea cădea săptămâna viitoare.", "speculative"),
    ("ro", "Ministerul a negat informațiile apărute în presă.", "denied"),
    ("ro", "Trenul a ajuns la București cu o oră întârziere.", "asserted"),
    # Russian
    ("ru", "Министр якобы подал в отставку.", "hedged"),
    ("ru", "По неофициальным данным, переговоры зашли в тупик.", "hedged"),
    ("ru", "Центробанк может снизить ставку уже в марте.", "speculative"),
    ("ru", "В министерстве опровергли эту информацию.", "denied"),
    ("ru", "Поезд прибыл в Москву с опозданием на час.", "asserted"),
    # Ukrainian
    ("uk", "Міністр нібито подав у відставку.", "hedged"),
    ("uk", "За неофіційними даними, переговори зайшли в глухий кут.", "hedged"),
    ("uk", "Нацбанк може знизити облікову ставку вже в березні.", "speculative"),
    ("uk", "У міністерстві спростували цю інформацію.", "denied"),
    ("uk", "Потяг прибув до Києва із запізненням на годину.", "asserted"),
    # Japanese (written without spaces between words)
    ("ja", "関係者によると、首相は近く辞任する意向だという。", "hedged"),
    ("ja", "容疑者は事件の前に現場を下見していたとみられる。", "hedged"),
    ("ja", "日銀は来月にも利上げに踏み切る可能性がある。", "speculative"),
    ("ja", "政府はその報道を否定した。", "denied"),
    ("ja", "列車は午前九時に東京駅に到着した。", "asserted"),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), CASES)
def test_classes_by_language(language: str, sentence: str, expected: str) -> None:
    decision = classify_certainty(sentence, language=language)
    assert decision.certainty == expected
    if expected != "asserted":
        assert decision.cues  # the evidence a reader is shown


def test_unknown_language_falls_back_to_english() -> None:
    assert classify_certainty("The minister reportedly resigned.", language="xx").certainty == "hedged"


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("de", "Der Minister sagte, die Gespräche seien gescheitert."),
        ("es", "El ministro dijo que las negociaciones habían fracasado."),
        ("it", "Il ministro ha detto che i negoziati sono falliti."),
        ("pt", "O ministro disse que as negociações fracassaram."),
        ("nl", "De minister zei dat de gesprekken waren mislukt."),
        ("sv", "Ministern sa att samtalen hade misslyckats."),
        ("ru", "Министр заявил, что переговоры провалились."),
        ("uk", "Міністр заявив, що переговори зірвалися."),
    ],
)
def test_reported_speech_is_attributed(language: str, sentence: str) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and claim.certainty == "attributed"


def test_japanese_sentence_is_a_claim() -> None:
    claim = claim_in_context("関係者によると、首相は近く辞任する意向だという。", language="ja")
    assert claim is not None and claim.certainty == "hedged"


# Rules tuned on real sentences (issue 9, benchmarks/data/certainty-languages); the sentences below
# were written for the test.
@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a reporting verb whose subject follows it: identifiable unless indefinite or anonymous
        ("de", "Der Einsatz dauerte die ganze Nacht, sagte die Feuerwehr.", "attributed"),
        ("it", "«È stato terribile», ha detto ai giornalisti un abitante del quartiere.", "hedged"),
        ("es", "El puente seguirá cerrado, informó el ayuntamiento en un comunicado.", "attributed"),
        ("ru", "Пожар потушен, сообщает агентство ТАСС.", "attributed"),
        # Japanese: a source marked by a postposition or a quotative; hearsay without a source
        ("ja", "気象庁によると、震源の深さは10キロだった。", "attributed"),
        ("ja", "市長は記者会見で「全力で復旧にあたる」と述べた。", "attributed"),
        ("ja", "地元メディアによると、少なくとも3人が死亡した。", "hedged"),
        ("ja", "列車は大幅に遅れて到着したという。", "hedged"),
        # a conditional conjunction counts only opening the sentence (pt "se" is also reflexive)
        ("pt", "O atraso se deve a uma falha no sistema de sinalização.", "asserted"),
        ("pt", "Se a chuva continuar, o rio pode transbordar.", "speculative"),
        # attributive hedges after or before a noun do not hedge the main claim
        ("es", "El presunto autor del robo fue detenido el lunes.", "asserted"),
        ("fr", "L'auteur présumé de l'incendie a été interpellé mardi.", "asserted"),
        # impersonal reports, and "bound to" predictions
        ("es", "También se reportan cortes de luz en varios barrios.", "hedged"),
        ("it", "Il bilancio è destinato a salire nelle prossime ore.", "speculative"),
        ("ru", "По предварительным данным, пострадали пять человек.", "hedged"),
    ],
)
def test_rules_from_real_sentences(language: str, sentence: str, expected: str) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and claim.certainty == expected


def test_english_has_no_unseen_speaker_rule() -> None:
    # "…, said the agency" with no source found stays as English decides: the rule is off for "en"
    decision = classify_certainty("The bridge will stay closed.", "none", "said", "en")
    assert decision.certainty == "asserted"


@pytest.mark.parametrize(
    ("sentence", "source", "kind"),
    [
        ("Mehr Menschen wurden nach Behördenangaben verletzt.", "Behördenangaben", "organisation"),
        ("Zehn Helfer werden laut Polizeiangaben noch vermisst.", "Polizeiangaben", "organisation"),
        ("Das berichtete die Nachrichtenagentur Nordpress.", "die Nachrichtenagentur Nordpress", "outlet"),
        ("Im Lager lagen nach Angaben der Armee unter anderem Tonnen Gift.", "der Armee", "organisation"),
    ],
)  # fmt: skip
def test_german_speakers_in_compounds_after_a_demonstrative_and_before_other_nouns(
    sentence: str, source: str, kind: str
) -> None:
    claim = claim_in_context(sentence, language="de")
    assert claim is not None
    assert (claim.source, claim.source_kind, claim.certainty) == (source, kind, "attributed")


def test_french_inverted_subjects_elided_articles_and_pronouns() -> None:
    text = (
        "Le port est fermé, a annoncé l'armée hier. "
        "Le bilan s'est alourdi à dix morts, ont déclaré mercredi les autorités du port. "
        "«C'est grave», a indiqué le général Jean Roux. «Nous restons prudents», a-t-il dit."
    )
    found = {a.cue.text: a for a in find_attributions(text, "fr")}
    assert found["annoncé"].source_kind == "organisation"
    assert found["déclaré"].source is not None and found["déclaré"].source.text == "les autorités du port"
    assert found["dit"].resolved and found["dit"].source_name == "Jean Roux"


@pytest.mark.parametrize(
    ("language", "sentence", "certainty", "source"),
    [
        ("es", '"No hay que creerlo", enfatizó Peskov.', "attributed", "Peskov"),
        ("es", "La Cancillería calificó de «noticias falsas» las especulaciones del diario.", "denied", None),
        ("es", "El diario, que cita bajo condición de anonimato a varios funcionarios, publicó un artículo.",
         "hedged", None),
        ("es", "Rusia desmintió los contactos, como denunció el diario Crónica.", "denied", None),
    ],
)  # fmt: skip
def test_spanish_cues_denials_anonymity_and_as_clauses(
    language: str, sentence: str, certainty: str, source: str | None
) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and (claim.certainty, claim.source) == (certainty, source)


@pytest.mark.parametrize(
    ("sentence", "source", "kind"),
    [
        # "EE.UU." ends no sentence and stays in the name before the verb
        ("La Guardia Costera de EE.UU. ha confirmado que un avión detectó ruidos en la zona.",
         "La Guardia Costera de EE.UU.", "organisation"),
        ('"Las búsquedas continúan", tuiteó el organismo.', "el organismo", "organisation"),
        ("Se oyeron golpes cada media hora, según un correo enviado al ministerio.",
         "un correo enviado al ministerio", "footage"),
        ("Según recoge la revista Puerto Azul, un avión registró golpes en la zona.",
         "la revista Puerto Azul", "outlet"),
    ],
)  # fmt: skip
def test_spanish_documents_tweets_and_according_to_what_an_outlet_carries(
    sentence: str, source: str, kind: str
) -> None:
    claim = claim_in_context(sentence, language="es")
    assert claim is not None
    assert (claim.certainty, claim.source, claim.source_kind) == ("attributed", source, kind)


@pytest.mark.parametrize(
    ("sentence", "certainty", "source"),
    [
        ("Die Laute deuteten auf Überlebende hin, hieß es.", "hedged", None),
        ("Dem Memo zufolge war unklar, wann das Geräusch zu hören war.", "attributed", "Dem Memo"),
        ("Mit Blick auf die Lage an Bord des Bootes betonte der Offizier: „Wir bleiben optimistisch.“",
         "attributed", "Offizier"),
        ("Die Suche geht weiter, sagte die Polizei am Mittwoch in Hafenstadt.", "attributed", "die Polizei"),
    ],
)  # fmt: skip
def test_german_quotes_postpositions_and_subjects_after_the_verb(
    sentence: str, certainty: str, source: str | None
) -> None:
    claim = claim_in_context(sentence, language="de")
    assert claim is not None and (claim.certainty, claim.source) == (certainty, source)


def test_a_word_quoted_the_german_way_leaves_no_quote_open() -> None:
    context = "Teams hätten eine Art „Klopfen“ gehört, hieß es."
    claim = claim_in_context("Bisher gibt es dazu keinen Kommentar.", context, language="de")
    assert claim is not None and claim.certainty == "asserted"


@pytest.mark.parametrize(
    ("sentence", "certainty", "source", "kind"),
    [
        # a verb listed as an "according to" phrase for its inverted use is a verb after its subject
        ("CNN rapporte qu’un second rapport du gouvernement mentionne d’autres sons.", "attributed", "CNN",
         "outlet"),
        ("Les sons ont été entendus, rapporte le journal.", "attributed", "le journal", "outlet"),
        # information credited to a named outlet is the outlet's
        ("Selon les informations du magazine Pierrefonds Hebdo, les équipes ont entendu des coups.",
         "attributed", "les informations du magazine Pierrefonds Hebdo", "outlet"),
    ],
)  # fmt: skip
def test_french_verbs_after_their_subject_and_information_from_a_named_outlet(
    sentence: str, certainty: str, source: str, kind: str
) -> None:
    claim = claim_in_context(sentence, language="fr")
    assert claim is not None
    assert (claim.certainty, claim.source, claim.source_kind) == (certainty, source, kind)


def test_italian_quotes_with_inner_spaces_rest_on_the_speaker_after_them() -> None:
    text = (
        "\" L'aereo ha rilevato rumori nell'area di ricerca. Di conseguenza, le operazioni sono state "
        "trasferite \", ha twittato il Primo distretto della Guardia costiera."
    )
    claims = analyse_claims(Article(title="Rumori nell'area di ricerca", body=[text], language="it"))
    body = [c for c in claims if not c.in_headline]
    assert [(c.certainty, c.source) for c in body] == [
        ("attributed", "il Primo distretto della Guardia costiera")
    ] * 2


@pytest.mark.parametrize(
    ("sentence", "certainty", "source", "kind"),
    [
        ("警察によると、男は現場で逮捕された。", "attributed", "警察", "organisation"),
        ("港湾新聞によると、船は午後に出港した。", "attributed", "港湾新聞", "outlet"),
        ("市長は記者団に対し「全力で取り組む」と述べた。", "attributed", "市長", "person"),
        ("港湾局関係者は、船が沈んだと明らかにした。", "hedged", "港湾局関係者", "anonymous"),
    ],
)
def test_japanese_sources_stand_before_their_marker_or_open_the_sentence(
    sentence: str, certainty: str, source: str, kind: str
) -> None:
    claim = claim_in_context(sentence, language="ja")
    assert claim is not None
    assert (claim.certainty, claim.source, claim.source_kind) == (certainty, source, kind)


@pytest.mark.parametrize(
    ("sentence", "language", "source"),
    [
        ("Das teilte der Hafenverband am Montagvormittag mit.", "de", "der Hafenverband"),
        ("Die Tageszeitung „Hafen Kurier“ schreibt online, dass mehrere Autos gestürzt sind.", "de",
         "Die Tageszeitung „Hafen Kurier“"),
        ("«Портовое управление» сообщает, что паром затонул.", "ru", "«Портовое управление»"),
        ("The newspaper “Harbour Times” reported that the ferry sank.", "en",
         "The newspaper “Harbour Times”"),
    ],
)  # fmt: skip
def test_quoted_names_and_a_v2_subject_end_at_their_nouns(sentence: str, language: str, source: str) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and (claim.certainty, claim.source) == ("attributed", source)


@pytest.mark.parametrize(
    ("sentence", "language", "source"),
    [
        ("O balanço foi divulgado, na quinta-feira (14), pela organização Porto Seguro.", "pt",
         "Porto Seguro"),  # the body's name after its kind, as "the firm Acme" is Acme
        ("El balance fue anunciado por el Ministerio del Puerto.", "es", "el Ministerio del Puerto"),
        ("Le bilan a été annoncé par le ministère du Port.", "fr", "le ministère du Port"),
    ],
)  # fmt: skip
def test_romance_passives_name_their_agent(sentence: str, language: str, source: str) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and (claim.certainty, claim.source) == ("attributed", source)
    without_agent = claim_in_context("El balance fue anunciado ayer.", language="es")
    assert without_agent is not None and without_agent.certainty == "asserted"


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("es", ["La ministra de Puertos, Ana Ruiz, dijo que el documento es un análisis.",
                "Añadió que la firma no fue falsificada.", "Al respecto indicó que el puerto sigue abierto.",
                "Además, precisó que Ruiz sigue en el cargo."]),
        ("it", ["Il ministro dei Porti, Mario Rossi, ha detto che il porto resterà chiuso.",
                "Ha aggiunto che i traghetti ripartiranno lunedì.",
                "Inoltre, ha spiegato che la guardia costiera è in allerta."]),
        ("pt", ["A ministra dos Portos, Ana Souza, disse que o cais está fechado.",
                "Acrescentou que os feridos foram transferidos.",
                "Além disso, afirmou que a situação está calma."]),
    ],
)  # fmt: skip
def test_a_named_speaker_before_que_goes_on_through_verbs_without_a_subject(
    language: str, body: list[str]
) -> None:
    """"La ministra, Ana Ruiz, dijo que el documento …" is hers (not "el documento …", an inverted
    subject), and the verbs after it with no subject ("Añadió que …", "Al respecto indicó …") are hers."""
    article = Article(title="Puerto cerrado", body=body, language=language)
    claims = [c for c in analyse_claims(article) if not c.in_headline]
    name = " ".join(body[0].split(", ")[1].split()[:2])
    assert [(c.source, c.certainty) for c in claims] == [(name, "attributed")] * len(body)


def test_a_denial_before_que_names_its_speaker() -> None:
    sentence = "Por otra parte, la ministra también desmintió que el documento fuera falso."
    claim = claim_in_context(sentence, language="es")
    assert claim is not None and (claim.certainty, claim.source_kind) == ("denied", "person")


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        ("El alcalde, Luis Gómez, quien en contacto con Radio Puerto dijo que solo eran rumores.",
         "Luis Gómez", "que solo eran rumores"),
        ("Pidió disculpas a la agencia IP, que había publicado la noticia sin confirmarla.",
         "la agencia IP", "la noticia sin confirmarla"),
        ("El puerto sigue abierto, indicó la ministra en rueda de prensa.", "la ministra",
         "El puerto sigue abierto"),
        ("El puerto sigue abierto, dijo el ministro de Justicia.", "el ministro de Justicia",
         "El puerto sigue abierto"),
    ],
)  # fmt: skip
def test_spanish_relatives_name_their_antecedent_and_an_inverted_subject_ends_before_a_place(
    sentence: str, source: str, content: str
) -> None:
    a = find_attributions(sentence, "es")[-1]
    assert (a.source_name, a.content.text if a.content else None) == (source, content)


def test_dijo_que_is_no_relative() -> None:
    found = find_attributions("Dijo que había publicado la noticia.", "es")
    assert [a.source_name for a in found] == [None, None]


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("Seit Ende Juli hatte das Tageblatt berichtet, der Leiter sei befreundet.", "berichtet",
         "das Tageblatt", "der Leiter sei befreundet"),
        ("Nun räumt das Tageblatt ein, dass der Leiter nicht befreundet sei.", "räumt", "das Tageblatt",
         None),
        ("Der Minister wies die Vorwürfe zurück.", "wies", "Der Minister", None),
    ],
)  # fmt: skip
def test_german_subjects_after_a_fronted_phrase_separable_verbs_and_a_clause_after_the_comma(
    sentence: str, cue: str, source: str, content: str | None
) -> None:
    a = next(a for a in find_attributions(sentence, "de") if a.cue.text == cue)
    assert a.source is not None and a.source.text == source
    if content is not None:
        assert a.content is not None and a.content.text == content
    claim = claim_in_context(sentence, language="de")
    assert claim is not None and claim.source == source


def test_a_doctors_title_with_a_hyphen_ends_no_german_sentence() -> None:
    text = "Den Verdacht gegen Prof. Dr.-Ing. Berg halte man nicht aufrecht. Das Blatt bedauert den Fehler."
    assert len(split_sentences(text, "de")) == 2


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("fr", "D'après Le Courrier, le gouvernement envisagerait de retirer le texte.", "hedged"),
        ("fr", "Le retrait des troupes a commencé lundi.", "asserted"),  # a noun, no conditional
        ("fr", "Le ministre voudrait retirer le texte.", "asserted"),  # volition, no report
        ("fr", "Si le texte passait, le gouvernement tomberait.", "speculative"),  # a condition's consequence
        ("it", "L'uomo avrebbe colpito la vittima con un coltello.", "hedged"),
        ("it", "Il ministro vorrebbe ritirare il testo.", "asserted"),
    ],
)
def test_the_reportative_conditional_hedges(language: str, sentence: str, expected: str) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and claim.certainty == expected


def test_french_adverbials_between_the_auxiliary_and_the_participle_are_skipped() -> None:
    sentence = "Le ministre a par ailleurs précisé que trois personnes avaient été interpellées."
    found = find_attributions(sentence, "fr")
    assert [a.source.text if a.source else None for a in found] == ["Le ministre"]


@pytest.mark.parametrize(
    ("language", "sentence", "source", "certainty"),
    [
        ("de", "Laut Medienberichten hat der Minister den Rücktritt angeboten.", "Medienberichten", "hedged"),
        ("nl", "Volgens ingewijden zou de premier willen aftreden.", "ingewijden", "hedged"),
        ("nl", "Volgens de politie is de man gevlucht.", "de politie", "attributed"),
        ("sv", "Enligt källor skulle ministern avgå.", "källor", "hedged"),
    ],
)
def test_according_to_before_the_finite_verb_of_a_v2_language(
    language: str, sentence: str, source: str, certainty: str
) -> None:
    """The phrase after "volgens" ends at the verb that follows it; "Medienberichten" is unnamed
    media reports, not a name written with a capital."""
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and (claim.source, claim.certainty) == (source, certainty)


@pytest.mark.parametrize(
    ("language", "sentence", "source", "kind"),
    [
        ("ru", "«Мы не будем комментировать», — сказал представитель компании.", "представитель компании",
         "person"),
        ("uk", "«Ми не коментуватимемо», — сказав представник компанії.", "представник компанії", "person"),
        ("ru", "По данным источников, президент якобы планирует отставку.", "источников", "anonymous"),
        ("ru", "Как сообщает ТАСС, в результате взрыва погибли трое.", "ТАСС", "outlet"),
    ],
)  # fmt: skip
def test_russian_and_ukrainian_speakers_after_a_dash_inflected_sources_and_agencies(
    language: str, sentence: str, source: str, kind: str
) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and (claim.source, claim.source_kind) == (source, kind)


@pytest.mark.parametrize(
    ("language", "sentence", "source", "cue"),
    [
        ("it", "Lo riferisce l'Agenzia Porto, citando fonti della polizia.", "l'Agenzia Porto", "riferisce"),
        ("it", "Lo ha detto il ministro ai giornalisti.", "il ministro", "detto"),
        ("es", "Así lo informó la policía en un comunicado.", "la policía", "informó"),
        ("es", "El ministro la anunció ayer.", "El ministro", "anunció"),
        ("fr", "Le ministre l'a annoncé mardi.", "Le ministre", "annoncé"),
        ("it", "È quanto emerge da un rapporto della polizia.", "un rapporto della polizia", "emerge da"),
    ],
)
def test_object_clitics_before_the_verb_leave_the_subject_where_it_is(
    language: str, sentence: str, source: str, cue: str
) -> None:
    """ "Lo riferisce X": the object opens the sentence and the speaker follows the verb; "El ministro
    la anunció": the speaker precedes the clitic; "un comunicado" is a noun, not a second cue."""
    found = find_attributions(sentence, language)
    assert [(a.source.text if a.source else None, a.cue.text) for a in found] == [(source, cue)]


def test_portuguese_speakers_after_a_quote_and_before_an_adverb() -> None:
    body = ['"Não fui eu, estão me acusando. Eles não têm provas contra mim", defende-se Souza.',
            "A polícia também alegou que ele agiu sozinho."]  # fmt: skip
    article = Article(title="Suspeito nega", body=body, language="pt")
    claims = [(c.source, c.certainty) for c in analyse_claims(article) if not c.in_headline]
    assert claims == [("Souza", "attributed")] * 2 + [("A polícia", "attributed")]


@pytest.mark.parametrize(
    ("sentence", "source", "certainty"),
    [
        ("Le parquet de Paris a démenti lundi l'information du Courrier selon laquelle le suspect préparait "
         "un attentat.", "Le parquet de Paris", "denied"),
        ("« Aucun acte ne fait état d’un projet », indique le parquet dans un communiqué.", "le parquet",
         "attributed"),
        ("Le suspect se serait vanté de ce projet, indique de son côté le journal Le Matin.",
         "le journal Le Matin", "attributed"),  # the conditional is the paper's own, in what it says
        ("Le Courrier avait révélé dimanche que le suspect préparait un attentat.", "Le Courrier",
         "attributed"),
        ("Pierre Roux : Anne Dupont déclare que les informations du Courrier sont fausses.", "Anne Dupont",
         "denied"),
    ],
)  # fmt: skip
def test_french_denials_selon_laquelle_inverted_subjects_after_an_adverbial_and_headline_topics(
    sentence: str, source: str, certainty: str
) -> None:
    """ "selon laquelle" introduces what the report said, not who said it; "de son côté" and "dans un
    communiqué" are not part of the speaker; "Name : X déclare" has X as its speaker."""
    claim = claim_in_context(sentence, language="fr")
    assert claim is not None and (claim.source, claim.certainty) == (source, certainty)


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("fr", "France Info"), ("it", "la Rai"), ("pt", "o G1"), ("de", "das Handelsblatt"), ("it", "l'Ansa"),
     ("fr", "l’AFP")],
)
def test_outlets_of_other_languages_are_known_by_name(language: str, phrase: str) -> None:
    assert classify_source(phrase, load_lexicon(language)) == "outlet"


@pytest.mark.parametrize(
    ("language", "sentence", "source"),
    [
        ("ro", "Compania a negat informațiile.", "Compania"),
        ("sv", "Enligt polisen har mannen flytt.", "polisen"),
    ],
)
def test_romanian_and_swedish_bodies_with_their_suffixed_article_are_organisations(
    language: str, sentence: str, source: str
) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and (claim.source, claim.source_kind) == (source, "organisation")


@pytest.mark.parametrize(
    ("sentence", "source", "kind", "certainty"),
    [
        ("関係者によりますと、会社は来月にも発表する見通しです。", "関係者", "anonymous", "hedged"),
        ("同社は報道を否定した。", "同社", "organisation", "denied"),
        ("中村氏は「問題ない」と述べた。", "中村氏", "person", "attributed"),
    ],
)
def test_japanese_polite_according_to_and_a_company_denying(
    sentence: str, source: str, kind: str, certainty: str
) -> None:
    claim = claim_in_context(sentence, language="ja")
    assert claim is not None
    assert (claim.source, claim.source_kind, claim.certainty) == (source, kind, certainty)


@pytest.mark.parametrize(
    ("language", "sentence", "certainty", "source"),
    [
        # a subject after its verb in Dutch and Swedish, up to whom it speaks to
        ("nl", "Het was te laat, vertelt een ingewijde aan de krant.", "hedged", "een ingewijde"),
        ("nl", "Het kabinet valt, zegt de minister tegen de pers.", "attributed", "de minister"),
        ("sv", "Paret har separerat, säger en källa till tidningen.", "hedged", "en källa"),
        ("sv", "Bron stängs i maj, säger ministern.", "attributed", "ministern"),  # the article a suffix
        ("de", "„Sie reden nicht mehr“, erzählt der Vertraute gegenüber der Zeitung.", "hedged",
         "der Vertraute"),
    ],
)
def test_dutch_swedish_and_german_subjects_after_the_verb_and_their_addressee(
    language: str, sentence: str, certainty: str, source: str
) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and (claim.certainty, claim.source) == (certainty, source)


@pytest.mark.parametrize(
    ("sentence", "certainty", "source"),
    [
        # a reflexive clitic is no subject: the one who refused is, also after an apposition
        ("Ana Ruiz, jefa de la policía local, se negó a revelar la identidad del detenido.", "denied",
         "Ana Ruiz"),
        ("Según se informa, el sospechoso huyó a pie.", "hedged", None),  # an impersonal report
        ("El incendio empezó en la cocina, dijeron funcionarios.", "hedged", "funcionarios"),  # a bare plural
    ],
)
def test_spanish_reflexive_clitics_impersonal_reports_and_bare_plural_speakers(
    sentence: str, certainty: str, source: str | None
) -> None:
    claim = claim_in_context(sentence, language="es")
    assert claim is not None and (claim.certainty, claim.source) == (certainty, source)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("es", "No está claro si el sospechoso estaba armado."),
        ("fr", "On ignore si le suspect était armé."),
        ("it", "Non è ancora chiaro se il sospettato fosse armato."),
        ("pt", "Não se sabe se o suspeito estava armado."),
        ("de", "Es ist noch unklar, ob der Verdächtige bewaffnet war."),
    ],
)
def test_an_open_question_is_speculative(language: str, sentence: str) -> None:
    claim = claim_in_context(sentence, language=language)
    assert claim is not None and claim.certainty == "speculative"
