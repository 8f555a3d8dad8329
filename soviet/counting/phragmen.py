"""Phragmén's sequential method: seats elected one by one, each one's weight spread as evenly
as possible over the voters who approve of them.
"""

from __future__ import annotations

from fractions import Fraction

from soviet.counting.approvals import grouped
from soviet.counting.ballots import Ballots
from soviet.counting.lot import Lots
from soviet.counting.refusals import enough_candidates
from soviet.counting.registry import method
from soviet.counting.result import Number, Result, Round
from soviet.counting.sums import rational


@method("seq-phragmen")
def seq_phragmen(ballots: Ballots, seats: int, seed: int | None = None) -> Result:
    """E. Phragmén's method ("Sur une méthode nouvelle pour réaliser, dans les élections, la
    représentation proportionnelle des partis", Öfversigt af Kongl. Vetenskaps-Akademiens
    Förhandlingar 51, 1894), in its load-balancing form (M. Brill, R. Freeman, S. Janson and
    M. Lackner, "Phragmén's voting methods and justified representation", AAAI 2017,
    section 4; Lackner and Skowron, "Multi-Winner Voting with Approval Preferences", 2023,
    section 2.4).

    Each seat carries a load of 1, shared by the voters who approve its holder. Seat after
    seat, the candidate elected is the one whose election leaves the lowest maximal load on
    their approvers: ``(1 + their approvers' loads) / their approvers' weight``, after which
    every approver carries that load. Loads are exact rationals; an equality is decided by
    lot, as is the choice among candidates nobody approves when seats remain for them.
    """
    enough_candidates("seq-phragmen", ballots, seats)
    names = ballots.candidates
    m = len(names)
    approvals = grouped(ballots)
    weights = [Fraction(w) for w in approvals.weights.tolist()]
    approvers = [[g for g in range(len(weights)) if approvals.sets[g, c]] for c in range(m)]
    support = [sum((weights[g] for g in approvers[c]), Fraction(0)) for c in range(m)]
    shown_support: tuple[Number, ...] = tuple(rational(s) for s in support)
    loads = [Fraction(0)] * len(weights)
    lots = Lots(seed)
    elected: list[int] = []
    rounds: list[Round] = []
    for stage in range(1, seats + 1):
        open_ = [c for c in range(m) if c not in elected]
        new_load = {
            c: (1 + sum((weights[g] * loads[g] for g in approvers[c]), Fraction(0))) / support[c]
            for c in open_
            if support[c]
        }
        if new_load:
            lowest = min(new_load.values())
            tied = [c for c in open_ if new_load.get(c) == lowest]
        else:
            lowest, tied = None, open_
        if len(tied) == 1:
            chosen = tied[0]
        else:
            chosen, lots = lots.draw(tied, names, stage, "elect")
        elected.append(chosen)
        for g in approvers[chosen]:
            loads[g] = new_load[chosen]
        shown = ", ".join(f"{names[c]} {new_load.get(c, 'none')}" for c in open_)
        rounds.append(
            Round(
                stage,
                shown_support,
                action="elect",
                quota=lowest,
                elected=(names[chosen],),
                note=f"maximal load if elected next: {shown}",
            )
        )
    return Result(
        method="seq-phragmen",
        candidates=names,
        seats=seats,
        elected=tuple(names[c] for c in elected),
        rounds=tuple(rounds),
        ties=lots.ties,
        seed=lots.seed,
        scores=shown_support,
        options={"seed": seed},
    )
