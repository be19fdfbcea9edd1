"""The amounts and counts the law turns on, each kept once (law.md section 3).

Thresholds are "not more than": exactly 28.5 g, 8 g of concentrated cannabis or 6 living
plants is in the lower band. The 4 g of the interstate trigger is unconfirmed and lives in
``unconfirmed.py``.
"""

# HS 11362.1(a)(1), 11357(a)-(b), 11360(b): 28.5 grams of cannabis.
PERSONAL_GRAMS = 28.5
# HS 11362.1(a)(2), 11357(a)-(b): 8 grams of concentrated cannabis.
PERSONAL_CONCENTRATED_GRAMS = 8.0
# HS 11362.1(a)(3), 11358(b)-(c): six living plants.
PERSONAL_PLANTS = 6
# HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B): two or more earlier convictions.
PRIORS_THAT_KEEP_A_FELONY = 2
