# How the English pages write dates and figures, through Django's localization: one date
# form everywhere ("21 January 2026"), and round times to the second, as IRCC states them.
# Pages print "UTC" after a time themselves, since every time shown is in UTC. Tables use the
# short form ("21 Jan 2026"), whose day and month never part: on a phone it takes at most
# two lines ("21 Jan / 2026").
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j\N{NO-BREAK SPACE}M Y"
DATETIME_FORMAT = "j F Y, H:i:s"
TIME_FORMAT = "H:i:s"
THOUSAND_SEPARATOR = ","
DECIMAL_SEPARATOR = "."
NUMBER_GROUPING = 3
