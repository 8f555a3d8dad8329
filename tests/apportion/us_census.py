"""US census apportionment populations: real figures for hand-checkable cases.

1880: the tenth census, the 38 states (total 49,371,340), as used for the act of 25 February
1882 (325 seats). 2020: the Census Bureau's apportionment population (total 331,108,434) and
the seats it announced on 26 April 2021 under 2 U.S.C. § 2a (Huntington-Hill, 435 seats).
"""

from __future__ import annotations

CENSUS_1880: dict[str, int] = {
    "Alabama": 1262505, "Arkansas": 802525, "California": 864694, "Colorado": 194327,
    "Connecticut": 622700, "Delaware": 146608, "Florida": 269493, "Georgia": 1542180,
    "Illinois": 3077871, "Indiana": 1978301, "Iowa": 1624615, "Kansas": 996096,
    "Kentucky": 1648690, "Louisiana": 939946, "Maine": 648936, "Maryland": 934943,
    "Massachusetts": 1783085, "Michigan": 1636937, "Minnesota": 780773,
    "Mississippi": 1131597, "Missouri": 2168380, "Nebraska": 452402, "Nevada": 62266,
    "New Hampshire": 346991, "New Jersey": 1131116, "New York": 5082871,
    "North Carolina": 1399750, "Ohio": 3198062, "Oregon": 174768, "Pennsylvania": 4282891,
    "Rhode Island": 276531, "South Carolina": 995577, "Tennessee": 1542359, "Texas": 1591749,
    "Vermont": 332286, "Virginia": 1512565, "West Virginia": 618457, "Wisconsin": 1315497,
}  # fmt: skip

ACT_1882: dict[str, int] = {
    "Alabama": 8, "Arkansas": 5, "California": 6, "Colorado": 1, "Connecticut": 4,
    "Delaware": 1, "Florida": 2, "Georgia": 10, "Illinois": 20, "Indiana": 13, "Iowa": 11,
    "Kansas": 7, "Kentucky": 11, "Louisiana": 6, "Maine": 4, "Maryland": 6,
    "Massachusetts": 12, "Michigan": 11, "Minnesota": 5, "Mississippi": 7, "Missouri": 14,
    "Nebraska": 3, "Nevada": 1, "New Hampshire": 2, "New Jersey": 7, "New York": 34,
    "North Carolina": 9, "Ohio": 21, "Oregon": 1, "Pennsylvania": 28, "Rhode Island": 2,
    "South Carolina": 7, "Tennessee": 10, "Texas": 11, "Vermont": 2, "Virginia": 10,
    "West Virginia": 4, "Wisconsin": 9,
}  # fmt: skip

CENSUS_2020: dict[str, int] = {
    "Alabama": 5030053, "Alaska": 736081, "Arizona": 7158923, "Arkansas": 3013756,
    "California": 39576757, "Colorado": 5782171, "Connecticut": 3608298, "Delaware": 990837,
    "Florida": 21570527, "Georgia": 10725274, "Hawaii": 1460137, "Idaho": 1841377,
    "Illinois": 12822739, "Indiana": 6790280, "Iowa": 3192406, "Kansas": 2940865,
    "Kentucky": 4509342, "Louisiana": 4661468, "Maine": 1363582, "Maryland": 6185278,
    "Massachusetts": 7033469, "Michigan": 10084442, "Minnesota": 5709752,
    "Mississippi": 2963914, "Missouri": 6160281, "Montana": 1085407, "Nebraska": 1963333,
    "Nevada": 3108462, "New Hampshire": 1379089, "New Jersey": 9294493,
    "New Mexico": 2120220, "New York": 20215751, "North Carolina": 10453948,
    "North Dakota": 779702, "Ohio": 11808848, "Oklahoma": 3963516, "Oregon": 4241500,
    "Pennsylvania": 13011844, "Rhode Island": 1098163, "South Carolina": 5124712,
    "South Dakota": 887770, "Tennessee": 6916897, "Texas": 29183290, "Utah": 3275252,
    "Vermont": 643503, "Virginia": 8654542, "Washington": 7715946,
    "West Virginia": 1795045, "Wisconsin": 5897473, "Wyoming": 577719,
}  # fmt: skip

HOUSE_2020: dict[str, int] = {
    "Alabama": 7, "Alaska": 1, "Arizona": 9, "Arkansas": 4, "California": 52, "Colorado": 8,
    "Connecticut": 5, "Delaware": 1, "Florida": 28, "Georgia": 14, "Hawaii": 2, "Idaho": 2,
    "Illinois": 17, "Indiana": 9, "Iowa": 4, "Kansas": 4, "Kentucky": 6, "Louisiana": 6,
    "Maine": 2, "Maryland": 8, "Massachusetts": 9, "Michigan": 13, "Minnesota": 8,
    "Mississippi": 4, "Missouri": 8, "Montana": 2, "Nebraska": 3, "Nevada": 4,
    "New Hampshire": 2, "New Jersey": 12, "New Mexico": 3, "New York": 26,
    "North Carolina": 14, "North Dakota": 1, "Ohio": 15, "Oklahoma": 5, "Oregon": 6,
    "Pennsylvania": 17, "Rhode Island": 2, "South Carolina": 7, "South Dakota": 1,
    "Tennessee": 9, "Texas": 38, "Utah": 4, "Vermont": 1, "Virginia": 11, "Washington": 10,
    "West Virginia": 2, "Wisconsin": 8, "Wyoming": 1,
}  # fmt: skip
