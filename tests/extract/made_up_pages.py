"""A made-up article's paragraphs that page tests wrap in the furniture they check."""

FERRY_BODY = [
    "The harbour ferry will run again from Monday after engineers finished repairs to the quay, the port "
    "authority said on Friday.",
    "Crews worked through the night to replace the damaged pilings, which were torn loose by three storms "
    "in a single week.",
    "“We are grateful for the patience of everyone who relies on the ferry,” the authority's chief "
    "executive said in a statement.",
    "The service carries about two thousand passengers a day between the island and the mainland during "
    "the busy season.",
]
