"""Scenarios: a file of acts (charter, bodies, members, elections, sessions, votes, recalls...)
played through the ordinary service, each act through the same rule a user's command calls,
with its source and figures told as it goes (see docs/scenarios.md)."""

from soviet.scenario.load import Act, Scenario, ScenarioInvalid, Source, load_scenario
from soviet.scenario.run import Played, ScenarioStopped, play

__all__ = ["Act", "Played", "Scenario", "ScenarioInvalid", "ScenarioStopped", "Source",
           "load_scenario", "play"]
