from newstrace.trace.disjoint import DisjointSets


def test_groups_are_named_by_their_smallest_member_and_grow_in_place() -> None:
    sets = DisjointSets.of_size(4)
    sets.union(3, 1)
    sets.union(2, 3)
    assert [sets.find(i) for i in range(4)] == [0, 1, 1, 1]
    assert sets.add() == 4 and sets.find(4) == 4
    sets.union(4, 0)
    assert sets.find(4) == 0
