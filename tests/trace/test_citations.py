"""Citations: names normalised by general rules and resolved to one node per source."""

from __future__ import annotations

from newstrace.records import Article, Caption, Claim
from newstrace.trace.citations import normalise_source, resolve_citations
from newstrace.trace.credits import credit_sources


def test_outlet_spellings_share_a_key() -> None:
    keys = {
        normalise_source(n)
        for n in ("The Daily Clarion", "Daily Clarion", "dailyclarion.co.uk", "ClarionOnline")
    }
    assert len(keys) == 1
    assert normalise_source("https://www.example-herald.com/world/x.html") == normalise_source(
        "Example Herald"
    )
    assert normalise_source("Reuters") != normalise_source("Daily Clarion")


def _article(key: int, source: str, body: list[str], cited: list[str] | None = None) -> Article:
    return Article(title=f"Article {key}", body=body, source=source, id=key, cited_sources=cited or [])


def test_aliases_across_articles_become_one_node_and_ingested_outlets_are_marked() -> None:
    articles = [
        _article(1, "Northern Ledger", ["The council approved the plan on Monday."]),
        _article(
            2, "harbourgazette.co.uk", ["According to the Northern Ledger, the council approved the plan."]
        ),
        _article(
            3, "Valley Times", ["The plan was approved, northernledger.com reported."], ["Harbour Gazette"]
        ),
        _article(
            4,
            "Valley Times",
            ["Ms Alvarez said the vote was close.", "Alvarez added that a review would follow."],
        ),
    ]
    claims = {
        "4": [
            Claim(
                "Ms Alvarez said the vote was close.",
                0,
                35,
                "attributed",
                ["said"],
                "Maria Alvarez",
                "person",
            ),
            Claim(
                "Alvarez added that a review would follow.",
                36,
                77,
                "attributed",
                ["added"],
                "Alvarez",
                "person",
            ),
        ]
    }
    graph = resolve_citations(articles, claims)
    ledger = graph.nodes[normalise_source("Northern Ledger")]
    assert set(ledger.cited_by) == {"2", "3"} and ledger.ingested_as == ["1"]
    gazette = graph.nodes[normalise_source("Harbour Gazette")]
    assert gazette.cited_by == ["3"] and gazette.ingested_as == ["2"]
    people = [n for n in graph.nodes.values() if n.kind == "person"]
    assert len(people) == 1 and people[0].name in {"Maria Alvarez", "Alvarez"}
    assert graph.find("northernledger.com") == ledger.key


def test_acronym_written_in_capitals_joins_the_full_name() -> None:
    articles = [
        _article(1, "A", ["The findings were published, according to the Regional Health Authority."]),
        _article(2, "B", ["The RHA reported the findings on Tuesday."]),
    ]
    graph = resolve_citations(articles, {})
    assert len(graph.nodes) == 1
    assert set(next(iter(graph.nodes.values())).cited_by) == {"1", "2"}


def test_a_name_given_with_its_acronym_joins_the_acronym_and_an_audience_is_no_source() -> None:
    said = "The test met its goals, the state-run Freedonian Central News Agency (FCNA) said."
    articles = [
        _article(1, "A", [said]),
        _article(2, "B", ["FCNA reported the launch on Friday.", "The envoy told the General Assembly so."]),
    ]
    long_name = "the state-run Freedonian Central News Agency (FCNA)"
    claims = {"1": [Claim(said, 0, len(said), "attributed", ["said"], long_name, "outlet")]}
    graph = resolve_citations(articles, claims)
    assert [set(node.cited_by) for node in graph.nodes.values()] == [{"1", "2"}]


def test_an_article_citing_its_own_outlet_is_not_a_citation() -> None:
    graph = resolve_citations(
        [_article(1, "Valley Times", ["The Valley Times reported the fire first."])], {}
    )
    assert graph.nodes == {}


def test_wire_datelines_credit_lines_and_embedded_posts_are_citations() -> None:
    articles = [
        _article(1, "A", ["LONDON, June 22 (Reuters) - The port reopened on Thursday, officials said."]),
        _article(7, "G", ["BERLIN (dpa) - Der Hafen ist wieder offen."]),
        _article(
            2, "B", ["(CNN) — The port reopened.", "CNN's Jane Roe and John Poe contributed to this report."]
        ),
        _article(3, "C", ["The Associated Press contributed to this report."]),
        _article(4, "D", ["Jane Roe contributed to this report."]),
        _article(5, "E", ["The port is open. — Harbour Office (@harbouroffice) June 22, 2023"]),
        _article(6, "F", ["The storm (Category 4) - hit the coast."]),
    ]
    graph = resolve_citations(articles, {})
    cited = {n.name: (n.kind, sorted(n.cited_by)) for n in graph.nodes.values()}
    assert cited == {
        "Reuters": ("outlet", ["1"]),
        "CNN": ("outlet", ["2"]),
        "Associated Press": ("outlet", ["3"]),
        "Harbour Office (@harbouroffice)": ("footage", ["5"]),
        "dpa": ("outlet", ["7"]),
    }


def test_a_shortened_name_joins_its_one_longer_form() -> None:
    articles = [
        _article(1, "A", ["The US Coast Guard reported wreckage."]),
        _article(2, "B", ["According to the Coast Guard, the search goes on."]),
        _article(3, "C", ["According to Sky's US correspondent, it does not look good."]),
    ]
    graph = resolve_citations(articles, {})
    names = {n.name: sorted(n.cited_by) for n in graph.nodes.values()}
    assert len(names) == 2 and ["1", "2"] in names.values() and names["Sky"] == ["3"]
    # with two longer forms, the short one stays apart: it could be either
    articles.append(_article(4, "D", ["The Canadian Coast Guard reported more wreckage."]))
    assert len(resolve_citations(articles, {}).nodes) == 4


def test_reports_relayed_from_a_publication_count_as_citing_it() -> None:
    articles = [
        _article(1, "A", ["According to a report from The Evening Courier, the pair met twice."]),
        _article(2, "B", ["Per The Evening Courier, from a source: the pair met twice."]),
        _article(3, "C", ["The pair met twice, according to The Evening Courier."]),
        _article(4, "D", ["Neither star has commented on the rumour.", "The rate rose 5 per cent."]),
    ]
    graph = resolve_citations(articles, {})
    (node,) = graph.nodes.values()
    assert node.name == "The Evening Courier" and node.kind == "outlet"
    assert sorted(node.cited_by) == ["1", "2", "3"]


def test_a_source_that_names_no_one_is_no_node() -> None:
    sentence = "Footage which purportedly shows the convoy was posted online."
    claim = Claim(sentence, 0, len(sentence), "hedged", ["purportedly"], "Footage", "footage")
    articles = [_article(1, "A", [sentence]), _article(2, "B", [sentence])]
    assert resolve_citations(articles, {"1": [claim], "2": [claim]}).nodes == {}


def test_an_inverted_report_and_a_closing_credit_cite_the_agency_and_an_unnamed_role_is_no_node() -> None:
    quote = '"Everything is in order," the spokesman said.'
    articles = [
        _article(1, "A", ["The port will stay open, the authority said last year, reported Reuters."]),
        _article(2, "B", ["“This is a hoax from start to finish.” — Reuters", quote]),
    ]
    claims = {"2": [Claim(quote, 0, len(quote), "attributed", ["said"], "the spokesman", "person")]}
    graph = resolve_citations(articles, claims)
    assert [(node.name, set(node.cited_by)) for node in graph.nodes.values()] == [("Reuters", {"1", "2"})]


def test_generic_and_descriptive_names_reduce_to_the_source() -> None:
    articles = [
        _article(1, "A", ["Unconfirmed reports claim the quay is closed. Authorities said it was."]),
        _article(2, "B", ["Lena Ford, a reporter for the Clarion Gazette, reports that the quay is closed."]),
        _article(3, "C", ["Riverland's state news agency Rivernews reported the closure."]),
        _article(4, "D", ["Photos of the quay pic.twitter.com/AbC123 were shared widely."]),
    ]
    said = [(2, "Lena Ford, a reporter for the Clarion Gazette"), (3, "Riverland's state agency Rivernews")]
    claims = {str(k): [Claim(articles[k - 1].body[0], 0, 9, "attributed", ["reported"], source, "outlet")]
              for k, source in said}  # fmt: skip
    graph = resolve_citations(articles, claims)
    assert sorted(n.name for n in graph.nodes.values()) == ["Clarion Gazette", "Rivernews"]


def _claims_naming(sources: dict[str, tuple[str, str]]) -> dict[str, list[Claim]]:
    """One attributed claim per article key, resting on the given source name and kind."""
    return {k: [Claim("x", 0, 1, "attributed", [], name, kind)] for k, (name, kind) in sources.items()}


def test_qualifiers_weekdays_photographers_and_descriptions_are_not_sources() -> None:
    articles = [
        _article(1, "A", ["The quay is shut, according to a Clarion official with direct knowledge."]),
        _article(2, "B", ["A report from Harbour TV Monday said so, as the Quay-based Ledger reported."]),
    ]
    sources = {
        "2": ("A report from Harbour TV Monday", "outlet"),
        "3": ("Ada Marsh, senior reporter for Harbour TV", "outlet"),
        "4": ("Quay News, an online paper based in Portsmouth", "outlet"),
        "5": ("the intelligence", "person"),
    }
    claims = _claims_naming(sources)
    articles += [_article(k, "C", ["x"]) for k in (3, 4, 5)]
    articles.append(Article(title="t", body=["x"], id=6, captions=[Caption("Pier.", "Jane Doe / AFP")]))
    graph = resolve_citations(articles, claims)
    assert sorted(n.name for n in graph.nodes.values()) == ["AFP", "Harbour TV", "Ledger", "Quay News"]


def test_a_known_outlet_after_a_word_for_its_kind_is_that_outlet() -> None:
    articles = [
        _article(1, "A", ["Das berichtete die staatliche Nachrichtenagentur Xinhua."]),
        _article(2, "B", ["The blast was confirmed by Xinhua, the agency reported."]),
    ]
    claims = _claims_naming(
        {"1": ("die staatliche Nachrichtenagentur Xinhua", "outlet"), "2": ("Xinhua", "outlet")}
    )
    graph = resolve_citations(articles, claims)
    assert [(n.name, sorted(n.cited_by)) for n in graph.nodes.values()] == [("Xinhua", ["1", "2"])]


def test_reports_memos_descriptions_and_via_credits_reduce_to_their_source() -> None:
    sources = {
        "1": ("a Reuters report", "outlet"),
        "2": ("an internal harbour memo obtained", "footage"),
        "3": ("the Explorers Guild, a travel club that says two members were aboard", "organisation"),
        "4": ("the name of Ada Marsh", "person"),
    }
    claims = _claims_naming(sources)
    articles = [_article(int(k), "C", ["x"]) for k in sources]
    articles.append(_article(5, "D", ["Crews reported hearing flares twice on Tuesday."]))
    articles.append(Article(title="t", body=["x"], id=6, captions=[Caption("The quay.", "Jane Roe via AP")]))
    graph = resolve_citations(articles, claims)
    names = sorted(n.name for n in graph.nodes.values())
    # an unnamed memo is no node; the agency distributes the picture; "Crews reported hearing" cites no one
    assert names == ["AP", "Ada Marsh", "Explorers Guild", "Reuters"]


def test_a_name_never_runs_across_a_full_stop_and_a_title_case_kind_of_source_is_no_node() -> None:
    headline = "Ferry Firm Denies Rumours Of Mass Job Cuts"
    articles = [
        _article(1, "A", ["The rumours were denied by the firm on Monday. The Evening Courier reported it."]),
        _article(2, "B", [headline, "St. Louis Harbour Gazette reported the cuts."]),
    ]
    claims = {"2": [Claim(headline, 0, len(headline), "denied", ["denies"], "Ferry Firm", "organisation",
                          in_headline=True)]}  # fmt: skip
    names = sorted(node.name for node in resolve_citations(articles, claims).nodes.values())
    assert names == ["Evening Courier", "St. Louis Harbour Gazette"]


def _said(sentence: str, source: str, kind: str = "organisation") -> Claim:
    return Claim(sentence, 0, len(sentence), "attributed", ["said"], source, kind)  # type: ignore[arg-type]


def test_a_body_named_with_the_is_a_cited_source_and_an_unnamed_group_is_not() -> None:
    said = {
        "the Ministry": "The frigate had returned to port, the Ministry said Monday.",
        "The navy": "The navy said it was aware of the footage.",
        "military officials": "The drill was cut short, military officials said.",
        "the authorities": "The harbour was closed, the authorities said.",
        "Authorities": "Authorities said it was.",
    }
    articles = [_article(i, f"Outlet {i}", [sentence]) for i, sentence in enumerate(said.values(), 1)]
    claims = {str(i): [_said(sentence, source)] for i, (source, sentence) in enumerate(said.items(), 1)}
    claims["6"] = [_said("The quay is safe, the spokesman said.", "the spokesman", "person")]
    articles.append(_article(6, "Outlet 6", ["The quay is safe, the spokesman said."]))
    graph = resolve_citations(articles, claims)
    cited = {n.name: (n.kind, n.cited_by) for n in graph.nodes.values()}
    assert cited == {"Ministry": ("organisation", ["1"]), "the navy": ("organisation", ["2"])}


def test_a_time_is_never_a_source_and_the_reporter_before_it_is() -> None:
    articles = [
        _article(1, "A", ["After a slow year, Harbourline on Wednesday reported a rise in cargo."]),
        _article(
            2, "B", ["The Valley Times late Monday reported the closure.", "Tuesday night reported nothing."]
        ),
    ]
    claims = {"2": [_said("Tuesday night reported nothing.", "Tuesday night", "outlet")]}
    graph = resolve_citations(articles, claims)
    assert sorted(n.name for n in graph.nodes.values()) == ["Harbourline", "Valley Times"]


def test_a_dateline_on_its_own_line_and_a_closing_credit_line_credit_the_agency() -> None:
    articles = [
        _article(1, "A", ["Port Vella, March 5, 2024 (AFP)", "The northern quay was shut."]),
        _article(2, "B", ["The northern quay was shut.", "The crane is being inspected.", "BBC"]),
        # a lone name that is no news organisation is a tag or a caption, not a credit
        _article(3, "C", ["The northern quay was shut.", "Harbour Cranes"]),
        # a name with its acronym on a line is no dateline, nor a heading over a link
        _article(4, "D", ["Northern Port Authority (NPA)", "The northern quay was shut.", "DOWNLOAD (PDF)"]),
        _article(5, "E", ["PORT VELLA (Reuters)", "The northern quay was shut."]),
    ]
    graph = resolve_citations(articles, {})
    cited = {n.name: ([c.cue for c in graph.citations if c.node_key == n.key], n.ingested_as)
             for n in graph.nodes.values()}  # fmt: skip
    assert cited == {
        "AFP": (["dateline"], ["1"]),
        "BBC": (["credit line"], []),
        "Reuters": (["dateline"], ["5"]),
    }


def _person(sentence: str, source: str) -> Claim:
    return Claim(sentence, 0, len(sentence), "attributed", ["said"], source, "person")


def test_a_capitalised_web_address_is_one_outlet_and_contacted_by_signs_its_own_text() -> None:
    line = "The skipper's agent declined to comment when contacted by Harbourpost.co.uk."
    articles = [_article(1, "", ["The yard is closing.", line]), _article(2, "", ["The yard shuts.", line])]
    graph = resolve_citations(articles, {})
    (node,) = graph.nodes.values()
    assert (node.key, node.name, node.kind) == ("harbourpost", "Harbourpost.co.uk", "outlet")
    assert {c.cue for c in graph.citations} == {"contacted by"}
    assert node.ingested_as == ["1", "2"]  # the text is the Harbour Post's, whoever carries it


def test_an_outlet_named_on_a_weekday_and_its_short_name_are_one_node() -> None:
    articles = [
        _article(1, "", ["A source told The Mail on Sunday: ‘The boat is sold.’"]),
        _article(2, "", ["A source told the Mail On Sunday that the boat was sold."]),
        _article(3, "", ["The Mail reported that the boat was sold."]),
        _article(4, "", ["The skipper told the BBC on Sunday that he was sorry."]),
    ]
    graph = resolve_citations(articles, {})
    names = {n.name: sorted(n.cited_by) for n in graph.nodes.values()}
    assert names == {"The Mail on Sunday": ["1", "2", "3"], "BBC": ["4"]}


def test_a_given_name_and_its_short_form_join_the_full_name_met_in_the_story() -> None:
    said = [
        ("Bartholomew Quince said the yard would close.", "Bartholomew Quince"),
        ("Quince added that the workers knew.", "Quince"),
        ("Bartholomew said he was sorry.", "Bartholomew"),
        ("Barth wrote that he had tried.", "Barth"),
    ]
    articles = [_article(i, "", [s]) for i, (s, _) in enumerate(said, 1)]
    claims = {str(i): [_person(s, name)] for i, (s, name) in enumerate(said, 1)}
    graph = resolve_citations(articles, claims)
    (node,) = graph.nodes.values()
    assert node.name == "Bartholomew Quince" and sorted(node.cited_by) == ["1", "2", "3", "4"]


def test_a_body_pointed_at_in_lower_case_is_the_one_named_body_holding_its_head_word() -> None:
    sentences = [
        ("The Evander Police Service said the crew was safe.", "The Evander Police Service"),
        ("The police said two boats helped.", "the police"),
    ]
    articles = [_article(i, "", [s]) for i, (s, _) in enumerate(sentences, 1)]
    claims = {
        str(i): [Claim(s, 0, len(s), "attributed", ["said"], name, "organisation")]
        for i, (s, name) in enumerate(sentences, 1)
    }
    graph = resolve_citations(articles, claims)
    (node,) = graph.nodes.values()
    assert node.name == "Evander Police Service" and sorted(node.cited_by) == ["1", "2"]


def test_a_photographer_credited_alone_is_a_person_and_a_source_for_a_publication_is_cited() -> None:
    assert credit_sources("Lena Marsh") == [("Lena Marsh", "person")]
    article = _article(1, "", ["According to a source for Page Six, the pair split in March."])
    graph = resolve_citations([article], {})
    assert [(n.name, n.kind) for n in graph.nodes.values()] == [("Page Six", "outlet")]
    no_outlet = _article(2, "", ["According to a source for the company, the deal is off."])
    assert resolve_citations([no_outlet], {}).nodes == {}


def test_an_outlet_a_quotation_was_given_to_is_cited_but_a_person_is_not() -> None:
    articles = [
        _article(1, "A", ["The fees were described to Clarion Sport News as ambitious targets."]),
        _article(2, "B", ["“We are calm,” the coach said in an interview with The Evening Ledger."]),
        _article(3, "C", ["The coach explained to Ada Marsh that nobody was for sale."]),
    ]
    graph = resolve_citations(articles, {})
    cited = {(c.article_key, graph.nodes[c.node_key].name, c.cue) for c in graph.citations}
    assert cited == {("1", "Clarion Sport News", "given to"), ("2", "The Evening Ledger", "given to")}


def test_journalists_named_as_sources_and_the_outlet_they_report_for_are_cited() -> None:
    articles = [
        _article(
            1, "A", ["The bid was turned down, as reliable sources, such as Jane Roe and Ben Rook, said."]
        ),
        _article(2, "B", ["Quay Radio's Ada Marsh wrote that the bid was turned down."]),
        _article(3, "C", ["Amongst others, Harbour Sport's Ada Marsh reported on the talks on Wednesday."]),
    ]
    reported = "Amongst others, Harbour Sport's Ada Marsh reported on the talks on Wednesday."
    claims = {"3": [Claim(reported, 0, len(reported), "attributed", ["reported"], "Ada Marsh", "person",
                          "reported")]}  # fmt: skip
    graph = resolve_citations(articles, claims)
    nodes = {n.name: (n.kind, sorted(n.cited_by)) for n in graph.nodes.values()}
    assert nodes == {
        "Jane Roe": ("person", ["1"]),
        "Ben Rook": ("person", ["1"]),
        "Ada Marsh": ("person", ["2", "3"]),
        "Quay Radio": ("outlet", ["2"]),
        "Harbour Sport": ("outlet", ["3"]),
    }


def test_a_name_with_a_short_word_in_capitals_joins_its_acronym_and_a_record_from_it_is_it() -> None:
    sentences = {
        "1": ("The UK Tidal Survey said the surge reached two metres.", "UK Tidal Survey"),
        "2": ("The U.K. Tidal Survey (UKTS) said the surge reached two metres.", "U.K. Tidal Survey (UKTS)"),
        "3": (
            "According to computer models from the UKTS, it reached two metres.",
            "computer models from the UKTS",
        ),
    }
    articles = [_article(int(k), k, [sentence]) for k, (sentence, _) in sentences.items()]
    claims = {k: [Claim(sentence, 0, len(sentence), "attributed", [], source, "organisation")]
              for k, (sentence, source) in sentences.items()}  # fmt: skip
    graph = resolve_citations(articles, claims)
    assert [sorted(n.cited_by) for n in graph.nodes.values()] == [["1", "2", "3"]]


def test_a_maps_credit_is_no_citation_and_a_dashed_or_labelled_closing_credit_is() -> None:
    maps = [Caption("Where the surge struck", "Map data ©2031 Examplemaps"),
            Caption("The flooded quay", "© OpenStreetMap contributors"),
            Caption("The harbour wall", "Harbour Photo Agency")]  # fmt: skip
    body = ["The surge flooded the quay.", "Boats were moved."]
    articles = [
        Article(title="Surge", body=body, id=1, source="A", captions=maps),
        _article(2, "B", [*body, "-HarbourNews"]),
        _article(3, "C", [*body, "By: Quay Radio"]),
        # a reporter's signature is no credit of another's report
        _article(4, "D", [*body, "— Jane Roe"]),
        _article(5, "E", [*body, "By: Jane Roe"]),
    ]
    graph = resolve_citations(articles, {})
    cited = {(c.article_key, graph.nodes[c.node_key].name, c.cue) for c in graph.citations}
    assert cited == {
        ("1", "Harbour Photo Agency", "image credit"),
        ("2", "HarbourNews", "credit line"),
        ("3", "Quay Radio", "credit line"),
    }


def test_a_studys_journal_is_cited_and_a_study_with_no_name_is_no_node() -> None:
    articles = [
        _article(
            1,
            "A",
            ["Net makers ran risks, according to the study, published Monday in the journal Quay Medicine."],
        ),
        _article(2, "B", ["The paper was published in the Quay Medicine Journal."]),
        _article(3, "C", ["A study published online in Quay Medicine journal Monday found a risk."]),
        _article(4, "D", ["A new study in Harbourtown found a risk."]),  # a place, not a journal
    ]
    claims = {
        "3": [Claim(articles[2].body[0], 0, 9, "attributed", ["found"], "A Regionian study", "footage")]
    }
    graph = resolve_citations(articles, claims)
    assert [(n.name, n.kind, sorted(n.cited_by)) for n in graph.nodes.values()] == [
        ("Quay Medicine", "outlet", ["1", "2", "3"])
    ]
    assert {c.cue for c in graph.citations} == {"published in"}


def test_outlets_spoken_to_written_to_or_told_by_kind_are_cited() -> None:
    articles = [
        _article(1, "A", ["Harbour News spoke to a police source who said the quay was shut."]),
        _article(2, "B", ["The quay is safe, Jan Roe said in an email to The Clarion."]),
        _article(3, "C", ["Five died, the mayor told HRZ radio."]),
        _article(4, "D", ["Five died, the mayor told the Regionian news agencies."]),
    ]
    graph = resolve_citations(articles, {})
    assert sorted((n.name, tuple(n.cited_by)) for n in graph.nodes.values()) == [
        ("HRZ", ("3",)),
        ("Harbour News", ("1",)),
        ("The Clarion", ("2",)),
    ]


def test_a_copyright_source_line_is_a_pictures_credit() -> None:
    article = _article(1, "A", ["The quay is shut."], ["© Jane Roe/Harbour Images"])
    graph = resolve_citations([article], {})
    assert [(c.surface, c.cue) for c in graph.citations] == [("Harbour Images", "image credit")]


def test_a_name_its_acronym_in_brackets_a_description_and_a_year_are_one_node() -> None:
    said = ["Harbour Front", "Harbour Front (HF) group", "HF", "HF fundamentalists", "2019 HF"]
    articles = [_article(k, f"Outlet {k}", [f"{name} claimed the attack."]) for k, name in enumerate(said, 1)]
    claims = {
        str(k): [Claim(f"{name} claimed the attack.", 0, 9, "attributed", ["claimed"], name, "organisation")]
        for k, name in enumerate(said, 1)
    }
    graph = resolve_citations(articles, claims)
    assert len(graph.nodes) == 1 and sorted(next(iter(graph.nodes.values())).cited_by) == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]


def test_a_role_with_a_name_the_name_and_the_role_alone_are_one_person() -> None:
    sentences = [
        (
            "The shooter had no links to the movement, Head of Regionia Jan Roe said.",
            "Head of Regionia Jan Roe",
        ),
        ("“He must be punished,” the head of Regionia stressed.", "the head of Regionia"),
    ]
    article = _article(1, "A", [s for s, _ in sentences] + ["“It was a crime,” Roe wrote on her channel."])
    claims = {"1": [Claim(s, 0, 9, "attributed", ["said"], who, "person") for s, who in sentences]}
    graph = resolve_citations([article], claims)
    people = [n for n in graph.nodes.values() if n.kind == "person"]
    assert [(n.name, len(graph.nodes)) for n in people] == [("Jan Roe", 1)]
    assert graph.find("Head of Regionia Jan Roe") == people[0].key


def test_a_kind_of_source_capitalised_by_its_sentence_is_no_node() -> None:
    article = _article(1, "A", ["Seismologists reported the quake struck at dawn."])
    claim = Claim(article.body[0], 0, 9, "attributed", ["reported"], "Seismologists", "outlet")
    assert resolve_citations([article], {"1": [claim]}).nodes == {}


def test_a_paper_a_state_agency_and_other_ones_name_no_source_but_the_papers_journal_does() -> None:
    body = [
        "According to a paper published Monday in the journal Quay Med, nets are safe.",
        "The state agency said the fire grew.",
        "Some orders were lifted but other ones ordered.",
    ]
    said = [("a paper published Monday", "outlet"), ("The state agency", "outlet"), ("other ones", "person")]
    claims = {
        "1": [
            Claim(s, 0, 9, "attributed", ["said"], who, kind)
            for s, (who, kind) in zip(body, said, strict=True)
        ]
    }
    graph = resolve_citations([_article(1, "A", body)], claims)
    assert [(n.name, n.kind) for n in graph.nodes.values()] == [("Quay Med", "outlet")]


def test_a_wire_dateline_opening_the_standfirst_credits_its_outlet() -> None:
    article = Article(
        title="Harbour bridge to close for repairs",
        standfirst="(Clarion News) – The old bridge will close for two months, engineers said.",
        body=["Work starts in May, according to the city's transport office."],
        id=1,
    )
    graph = resolve_citations([article], {})
    cited = {node.name: node for node in graph.nodes.values()}
    assert "Clarion News" in cited
    assert cited["Clarion News"].kind == "outlet"


def test_a_name_spelled_with_and_without_accents_is_one_node() -> None:
    articles = [
        _article(
            1, "Valley Times", ["The survey of the marsh was led by José Marín-Ibáñez of the Evander Trust."]
        ),
        _article(2, "Harbour Gazette", ["The nests are new, Marin-Ibanez said on Monday."]),
        _article(3, "Northern Ledger", ["Nine nests were counted, according to Jose Marin-Ibanez."]),
    ]
    claims = {
        "1": [
            Claim(
                "The survey of the marsh was led by José Marín-Ibáñez, who said the nests were new.",
                0,
                80,
                "attributed",
                ["said"],
                "José Marín-Ibáñez",
                "person",
                "said",
            )
        ],
        "2": [
            Claim(
                "The nests are new, Marin-Ibanez said on Monday.",
                0,
                47,
                "attributed",
                ["said"],
                "Marin-Ibanez",
                "person",
                "said",
            )
        ],
    }
    graph = resolve_citations(articles, claims)
    people = [n for n in graph.nodes.values() if n.kind == "person"]
    assert len(people) == 1
    assert sorted(people[0].cited_by) == ["1", "2", "3"]
    assert normalise_source("Müller") == normalise_source("Muller")


def test_a_lone_surname_without_its_accents_is_the_person_named_in_full_with_them() -> None:
    full = "The count was led by Ada Marín, a warden."
    lone = "The nests are new, Marin said."
    articles = [_article(1, "Valley Times", [full]), _article(2, "Harbour Gazette", [lone])]
    claims = {
        "1": [Claim(full, 0, len(full), "asserted", [], "Ada Marín", "person")],
        "2": [Claim(lone, 0, len(lone), "attributed", ["said"], "Marin", "person", "said")],
    }
    graph = resolve_citations(articles, claims)
    (person,) = [n for n in graph.nodes.values() if n.kind == "person"]
    assert person.name == "Ada Marín" and sorted(person.cited_by) == ["1", "2"]


def test_a_source_only_linked_to_is_named_by_its_host() -> None:
    body = [
        "The ferry figures were published at https://www.harbourstats.example.org/tables/2031/ferries.html."
    ]
    graph = resolve_citations([_article(1, "Valley Times", body)], {})
    assert [n.name for n in graph.nodes.values()] == ["harbourstats.example.org"]


def test_a_studys_reference_cites_its_journal_and_the_abbreviated_name_is_the_journal() -> None:
    articles = [
        _article(
            1,
            "Valley Times",
            ["Source:", "Roe AB, et al. (2031, May 2). Harbour Med Open. Herons of the marsh."],
        ),
        _article(
            2, "Harbour Gazette", ["The study, published in Harbour Medicine Open, counted nine nests."]
        ),
        _article(3, "Northern Ledger", ["The findings were published in the journal Harbour Medicine Open."]),
    ]
    graph = resolve_citations(articles, {})
    (journal,) = graph.nodes.values()
    assert sorted(journal.cited_by) == ["1", "2", "3"]
    assert journal.name == "Harbour Medicine Open"


def test_an_outlets_name_that_starts_another_outlets_is_not_its_abbreviation() -> None:
    articles = [
        _article(1, "Valley Times", ["The pier will close, according to the Sun Times."]),
        _article(2, "Harbour Gazette", ["The pier will close, according to the Sunday Times."]),
    ]
    graph = resolve_citations(articles, {})
    assert len(graph.nodes) == 2
