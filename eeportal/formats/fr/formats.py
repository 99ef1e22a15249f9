# How the French pages write dates and figures, in Canadian French as IRCC's French pages do:
# "21 janvier 2026", times "04 h 35 min 24 s" (the Office québécois de la langue française's
# form, every time to the second as IRCC states them), "6 000" with a non-breaking space
# (U+00A0) so that a figure never breaks across lines, "12,5". Pages print "UTC" after a time.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"j F Y \à H \h i \m\i\n s \s"
TIME_FORMAT = r"H \h i \m\i\n s \s"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
THOUSAND_SEPARATOR = "\xa0"
DECIMAL_SEPARATOR = ","
NUMBER_GROUPING = 3
