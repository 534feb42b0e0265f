"""Sentence pools and the list of generated demo projects; texts are (German, English) pairs.

Placeholders: {name} (municipality), {pop} (population, formatted), {land} (Bundesland).
"""

# fmt: off
OPENERS = [
    ("{name} ({land}) hat rund {pop} Einwohner:innen. Die Verwaltung erledigt viele Aufgaben "
     "gleichzeitig, mit knappem Personal.",
     "{name} ({land}) has around {pop} inhabitants. Its administration handles many tasks at "
     "once with few staff."),
    ("In {name} gehen in den nächsten Jahren viele Beschäftigte in den Ruhestand, während die "
     "Erwartungen der Bürger:innen an die Verwaltung wachsen.",
     "In {name}, many staff will retire in the coming years while citizens expect more from "
     "their administration."),
    ("Die Verwaltung von {name} hat sich vorgenommen, moderner zu arbeiten, und holt sich "
     "dafür Unterstützung von außen.",
     "The administration of {name} has set out to work in a more modern way and is bringing "
     "in outside support."),
    ("Die Verwaltungsspitze von {name} hat das Vorhaben zur Chefsache erklärt.",
     "The leadership of {name} has made this project a top priority."),
]

# Only for places below RURAL_POPULATION inhabitants.
RURAL_OPENER = (
    "{name} liegt im ländlichen Raum: Die Wege sind lang, und viele Angebote müssen mit wenig "
    "Personal organisiert werden.",
    "{name} is a rural place: distances are long and many services have to be run with few "
    "staff.",
)
RURAL_POPULATION = 30000

CLOSERS = [
    ("Im Alltag fehlt die Zeit, das Thema strukturiert anzugehen, und Fachwissen dafür gibt es "
     "im Haus bisher kaum.",
     "Day-to-day work leaves no time to tackle this systematically, and there is little "
     "in-house expertise."),
    ("Das Vorhaben berührt mehrere Fachbereiche – genau deshalb ist es bisher nicht "
     "vorangekommen.",
     "The project touches several departments, which is exactly why it has not moved "
     "forward so far."),
    ("Erste Ideen liegen vor, doch niemand kann sich ihnen ganz widmen.",
     "First ideas exist, but nobody can devote themselves to them fully."),
    ("Die Macher:in soll die Lösung gemeinsam mit den Beschäftigten entwickeln, nicht an ihnen "
     "vorbei.",
     "The maker is to develop the solution together with the staff, not around them."),
]

IMPACT_CLOSERS = [
    ("Nach Projektende führen die Beschäftigten die Lösung selbstständig weiter.",
     "After the project, the staff carry the solution on by themselves."),
    ("Die Ergebnisse werden so dokumentiert, dass andere Kommunen davon lernen können.",
     "The results are documented so that other municipalities can learn from them."),
    ("Woran wir den Erfolg messen, legen wir zu Projektbeginn gemeinsam fest.",
     "How success is measured is agreed together at the start of the project."),
    ("Bewährt sich das Vorgehen, wird es auf weitere Bereiche der Verwaltung übertragen.",
     "If the approach proves itself, it will be extended to other parts of the "
     "administration."),
]

REMUNERATION = [
    ("Vergütung angelehnt an TVöD E 12/E 13", "Pay oriented on TVöD E 12/E 13"),
    ("Vergütung angelehnt an TVöD E 13", "Pay oriented on TVöD E 13"),
    ("Vergütung angelehnt an TVöD E 12", "Pay oriented on TVöD E 12"),
]

FUNDERS = [
    "Bürgerstiftung der Region",
    "Landesprogramm für Digitalisierung in Kommunen",
    "Regionaler Unternehmensverbund",
]

# (theme, municipality, status); English translations are made for those marked True.
GENERATED_PROJECTS = [
    ("e_akte", "Witzenhausen", "open", True),
    ("online_services", "Detmold", "open", True),
    ("fachkraefte", "Meschede", "open", False),
    ("buergerbeteiligung", "Schwäbisch Hall", "open", False),
    ("klimaschutz", "Calw", "open", True),
    ("mobilitaet", "Freyung", "open", False),
    ("integration", "Görlitz", "open", True),
    ("wirtschaft", "Pirmasens", "open", False),
    ("ehrenamt", "Husum", "open", True),
    ("bildung", "Döbeln", "open", False),
    ("pflege", "Uelzen", "open", False),
    ("foerdermittel", "Daun", "open", False),
    ("datenstrategie", "Tuttlingen", "open", False),
    ("agile_verwaltung", "Alsfeld", "open", False),
    ("mobilitaet", "Prenzlau", "open", False),
    ("klimaschutz", "Eckernförde", "open", False),
    ("fachkraefte", "Mühlhausen/Thüringen", "open", False),
    ("e_akte", "Güstrow", "open", False),
    ("krisen", "Sonneberg", "open", False),
    ("online_services", "Olpe", "matching", False),
    ("integration", "Eberswalde", "matching", False),
    ("buergerbeteiligung", "Luckenwalde", "matching", False),
    ("wirtschaft", "Stendal", "matching", False),
    ("e_akte", "Northeim", "running", False),
    ("ehrenamt", "Neustrelitz", "running", False),
    ("datenstrategie", "Leer (Ostfriesland)", "running", False),
    ("bildung", "Annaberg-Buchholz", "running", False),
    ("agile_verwaltung", "St. Wendel", "running", False),
    ("krisen", "Weißenfels", "completed", False),
    ("fachkraefte", "Haßfurt", "completed", False),
    ("pflege", "Wunsiedel", "in_preparation", False),
    ("klimaschutz", "Eschwege", "in_preparation", False),
]
# fmt: on
