"""Project themes for the generated demo projects; every text is a (German, English) pair.

Placeholder in summaries: {name} (municipality).
"""

# fmt: off
# Each theme: titles, topic slugs, competence profile (name, must/nice, level),
# challenge and impact sentences, target groups, Pat:in roles and a teaser, all (de, en).
THEMES = {
    "e_akte": {
        "titles": [("E-Akte im Bürgerbüro einführen", "Electronic files for the citizens' office"),
                   ("Papierlos im Bauamt", "Paperless building authority"),
                   ("Digitale Akte für das Ordnungsamt", "Digital files for the public order "
                    "office")],
        "topics": ["digitale-verwaltung"],
        "profile": [("E-Akte und Dokumentenmanagement", "must", 3),
                    ("Prozessautomatisierung", "must", 2), ("Change Management", "must", 2),
                    ("Projektmanagement", "nice", 2), ("Agiles Arbeiten", "nice", 1)],
        "challenge": [("Akten liegen noch auf Papier; Vorgänge wandern von Schreibtisch zu "
                       "Schreibtisch, und niemand weiß sicher, wo ein Antrag gerade steht.",
                       "Files are still on paper; cases move from desk to desk and nobody "
                       "knows for sure where an application is."),
                      ("Ein Dokumentenmanagementsystem ist beschafft, wird aber kaum genutzt, "
                       "weil Ablagestruktur und Schulungen fehlen.",
                       "A document management system has been bought but is hardly used "
                       "because filing structures and training are missing.")],
        "impact": [("Vorgänge sind digital auffindbar, Bearbeitungszeiten sinken spürbar.",
                    "Cases can be found digitally and processing times drop noticeably."),
                   ("Die Beschäftigten arbeiten ortsunabhängig und sparen Wege und Kopien.",
                    "Staff can work from anywhere and save trips and copies.")],
        "targets": ("Beschäftigte der Verwaltung, Bürger:innen mit Anträgen",
                    "Administrative staff, citizens with applications"),
        "sponsors": [("Leitung Hauptamt", "Head of central administration"),
                     ("Fachbereichsleitung Bürgerservice", "Head of citizen services")],
        "summary": ("{name} sucht eine Macher:in, die die elektronische Akte mit dem Team "
                    "einführt.", "{name} is looking for a maker to introduce electronic files "
                    "together with the team."),
    },
    "online_services": {
        "titles": [("Onlinedienste, die Bürger:innen gern nutzen", "Online services people "
                    "like to use"),
                   ("Antrag digital – vom Formular zum Service", "Digital applications – from "
                    "form to service")],
        "topics": ["digitale-verwaltung", "buergerbeteiligung"],
        "profile": [("UX/UI-Design", "must", 2), ("Softwareentwicklung", "must", 2),
                    ("Prozessautomatisierung", "nice", 2), ("Design Thinking", "nice", 2),
                    ("Projektmanagement", "must", 1)],
        "challenge": [("Viele Leistungen sind zwar online beantragbar, werden aber kaum genutzt; "
                       "die Formulare sind schwer verständlich und enden oft doch im Ausdruck.",
                       "Many services can be requested online but are rarely used; the forms "
                       "are hard to understand and often still end in a printout."),
                      ("Die Kommune muss weitere Leistungen nach dem Onlinezugangsgesetz "
                       "anbieten und weiß nicht, wo sie anfangen soll.",
                       "The municipality has to offer more services under the Online Access "
                       "Act and does not know where to start.")],
        "impact": [("Die meistgenutzten Anträge lassen sich vollständig online stellen.",
                    "The most common applications can be made entirely online."),
                   ("Bürger:innen sparen Wege ins Rathaus, die Sachbearbeitung erhält "
                    "vollständige Daten.",
                    "Citizens save trips to the town hall; caseworkers receive complete "
                    "data.")],
        "targets": ("Bürger:innen, Unternehmen vor Ort, Sachbearbeitung",
                    "Citizens, local businesses, caseworkers"),
        "sponsors": [("Digitalisierungsbeauftragte:r", "Digitalisation officer"),
                     ("Leitung IT und Organisation", "Head of IT and organisation")],
        "summary": ("In {name} sollen Onlinedienste entstehen, die wirklich genutzt werden.",
                    "{name} wants online services that people actually use."),
    },
    "fachkraefte": {
        "titles": [("Arbeitgebermarke Rathaus", "The town hall as an employer brand"),
                   ("Fachkräfte für die Verwaltung gewinnen", "Attracting skilled staff to "
                    "the administration"),
                   ("Ausbildung und Quereinstieg neu denken", "Rethinking training and "
                    "lateral entry")],
        "topics": ["fachkraeftegewinnung"],
        "profile": [("Personalgewinnung", "must", 3), ("Öffentlichkeitsarbeit", "must", 2),
                    ("Datenanalyse", "nice", 1), ("Change Management", "nice", 2),
                    ("Design Thinking", "nice", 1)],
        "challenge": [("Ausschreibungen bleiben ohne passende Bewerbungen; besonders in Technik "
                       "und IT konkurriert die Verwaltung mit privaten Arbeitgebern.",
                       "Job ads attract no suitable applicants; in engineering and IT in "
                       "particular the administration competes with private employers."),
                      ("Die Verwaltung ist als Arbeitgeberin kaum sichtbar, und das "
                       "Auswahlverfahren dauert oft Monate.",
                       "The administration is barely visible as an employer and its "
                       "selection process often takes months.")],
        "impact": [("Offene Stellen werden schneller und passender besetzt.",
                    "Vacancies are filled faster and with better matches."),
                   ("Bewerbende erleben ein zügiges, freundliches Verfahren.",
                    "Applicants experience a quick and friendly process.")],
        "targets": ("Bewerbende, Nachwuchskräfte, Personalverantwortliche",
                    "Applicants, trainees, hiring managers"),
        "sponsors": [("Leitung Personalamt", "Head of HR"),
                     ("Bürgermeister:in", "Mayor")],
        "summary": ("{name} will als Arbeitgeberin sichtbarer werden und Stellen schneller "
                    "besetzen.", "{name} wants to be seen as an employer and fill posts "
                    "faster."),
    },
    "buergerbeteiligung": {
        "titles": [("Beteiligung, die ankommt", "Participation that works"),
                   ("Digitale Bürgerbeteiligung aufbauen", "Building digital citizen "
                    "participation")],
        "topics": ["buergerbeteiligung"],
        "profile": [("Bürgerbeteiligung", "must", 3),
                    ("Moderation und Workshopgestaltung", "must", 2),
                    ("Öffentlichkeitsarbeit", "nice", 2), ("UX/UI-Design", "nice", 1),
                    ("Design Thinking", "nice", 2)],
        "challenge": [("Zu Bürgerversammlungen kommen immer dieselben wenigen Menschen; Jüngere "
                       "und Familien erreicht die Stadt kaum.",
                       "Public meetings attract the same few people; the town hardly reaches "
                       "younger people and families."),
                      ("Für anstehende Planungen sollen Bürger:innen früh mitreden können, "
                       "doch es fehlen Formate und Leitlinien.",
                       "Citizens are to have an early say in upcoming plans, but formats and "
                       "guidelines are missing.")],
        "impact": [("Deutlich mehr und vielfältigere Menschen beteiligen sich an Planungen.",
                    "Many more and more diverse people take part in planning."),
                   ("Verbindliche Leitlinien machen Beteiligung planbar für Politik und "
                    "Verwaltung.",
                    "Binding guidelines make participation predictable for council and "
                    "administration.")],
        "targets": ("Bürger:innen, Jugendliche, Gemeinderat, Fachämter",
                    "Citizens, young people, the council, departments"),
        "sponsors": [("Büro der Verwaltungsspitze", "Office of the mayor"),
                     ("Leitung Stadtplanung", "Head of urban planning")],
        "summary": ("{name} will mehr Menschen an Entscheidungen beteiligen.",
                    "{name} wants more people to have a say in decisions."),
    },
    "klimaschutz": {
        "titles": [("Klimaschutzkonzept mit Umsetzungsplan", "Climate action plan with an "
                    "implementation roadmap"),
                   ("Energie sparen in kommunalen Gebäuden", "Saving energy in municipal "
                    "buildings")],
        "topics": ["klimaschutz"],
        "profile": [("Klimaschutzmanagement", "must", 3), ("Energiemanagement", "must", 2),
                    ("Fördermittelmanagement", "nice", 2), ("Bürgerbeteiligung", "nice", 1),
                    ("Projektmanagement", "must", 2), ("Datenanalyse", "nice", 1)],
        "challenge": [("Der Rat hat Klimaneutralität beschlossen, ein umsetzbarer Plan "
                       "fehlt jedoch.",
                       "The council has resolved to become climate-neutral, but there is no "
                       "workable plan."),
                      ("Die Energiekosten der Schulen und Verwaltungsgebäude steigen, "
                       "Verbrauchsdaten liegen nur verstreut vor.",
                       "Energy costs of schools and offices keep rising, and consumption data "
                       "is scattered.")],
        "impact": [("Ein beschlossenes Maßnahmenprogramm mit Zuständigkeiten und Zeitplan.",
                    "An adopted programme of measures with responsibilities and timeline."),
                   ("Der Energieverbrauch der eigenen Liegenschaften sinkt messbar.",
                    "Energy use in municipal buildings drops measurably.")],
        "targets": ("Verwaltung, Gemeinderat, Bürger:innen, lokale Betriebe",
                    "Administration, council, citizens, local businesses"),
        "sponsors": [("Leitung Bauverwaltung", "Head of building department"),
                     ("Klimaschutzbeauftragte:r", "Climate protection officer")],
        "summary": ("{name} will vom Klimabeschluss zu konkreten Maßnahmen kommen.",
                    "{name} wants to turn its climate resolution into concrete action."),
    },
    "mobilitaet": {
        "titles": [("Mobilität im ländlichen Raum", "Rural mobility"),
                   ("Rufbus und Mitfahrbank vernetzen", "Connecting on-demand buses and "
                    "ride-sharing benches")],
        "topics": ["mobilitaet", "klimaschutz"],
        "profile": [("Mobilitätsplanung", "must", 3), ("Datenanalyse", "must", 2),
                    ("Bürgerbeteiligung", "nice", 2), ("Projektmanagement", "must", 2),
                    ("Fördermittelmanagement", "nice", 1)],
        "challenge": [("Außerhalb der Schulzeiten fährt in vielen Ortsteilen kaum ein Bus; "
                       "ohne eigenes Auto ist man aufgeschmissen.",
                       "Outside school hours hardly any bus serves many villages; without a "
                       "car people are stuck."),
                      ("Mehrere Mobilitätsangebote existieren nebeneinander, sind aber kaum "
                       "bekannt und nicht aufeinander abgestimmt.",
                       "Several mobility services exist side by side, little known and not "
                       "coordinated.")],
        "impact": [("Ältere Menschen und Jugendliche erreichen Arzt, Schule und Einkauf ohne "
                    "eigenes Auto.",
                    "Older people and teenagers reach doctors, school and shops without a "
                    "car."),
                   ("Ein abgestimmtes Angebot, das auf einen Blick verständlich ist.",
                    "One coordinated offer that is easy to understand at a glance.")],
        "targets": ("Ältere Menschen, Jugendliche, Pendler:innen",
                    "Older people, teenagers, commuters"),
        "sponsors": [("Leitung Ordnungs- und Verkehrsamt", "Head of public order and "
                      "transport"),
                     ("Wirtschafts- und Verkehrsplanung", "Economic and transport planning")],
        "summary": ("{name} sucht Ideen für Mobilität ohne eigenes Auto.",
                    "{name} is looking for ways to get around without a car."),
    },
    "integration": {
        "titles": [("Onboarding für Geflüchtete", "Onboarding for refugees"),
                   ("Willkommen im Amt", "Welcome at the authorities")],
        "topics": ["integration"],
        "profile": [("Integration und Migration", "must", 3), ("UX/UI-Design", "nice", 2),
                    ("Netzwerkarbeit", "must", 2), ("Ehrenamtskoordination", "nice", 2),
                    ("Projektmanagement", "must", 1)],
        "challenge": [("Neu angekommene Menschen finden sich im Geflecht aus Ämtern, Kursen und "
                       "Beratungsstellen kaum zurecht.",
                       "Newcomers struggle to find their way through offices, courses and "
                       "counselling services."),
                      ("Ehrenamtliche, Ausländerbehörde und Jobcenter arbeiten engagiert, "
                       "aber nebeneinanderher.",
                       "Volunteers, the immigration office and the job centre work hard, but "
                       "in parallel.")],
        "impact": [("Geflüchtete finden schneller die richtige Stelle und Termine werden "
                    "seltener verpasst.",
                    "Refugees find the right office faster and miss fewer appointments."),
                   ("Ein Netzwerk, in dem Haupt- und Ehrenamt abgestimmt arbeiten.",
                    "A network in which staff and volunteers work in concert.")],
        "targets": ("Geflüchtete und Zugewanderte, Ehrenamtliche, Beratungsstellen",
                    "Refugees and migrants, volunteers, counselling services"),
        "sponsors": [("Integrationsbeauftragte:r", "Integration officer"),
                     ("Leitung Sozialamt", "Head of social services")],
        "summary": ("{name} will Zugewanderten das Ankommen erleichtern.",
                    "{name} wants to make it easier for newcomers to settle in."),
    },
    "krisen": {
        "titles": [("Impf- und Testlogistik für den Krisenfall", "Vaccination and testing "
                    "logistics for emergencies"),
                   ("Krisenstab digital unterstützen", "Digital support for the crisis "
                    "team")],
        "topics": ["krisenmanagement", "gesundheit-und-pflege"],
        "profile": [("Logistik und Krisenorganisation", "must", 3),
                    ("Projektmanagement", "must", 2), ("Datenanalyse", "nice", 2),
                    ("Öffentlichkeitsarbeit", "nice", 1), ("IT-Sicherheit", "nice", 1)],
        "challenge": [("In der Pandemie mussten Impf- und Testaktionen binnen Tagen organisiert "
                       "werden; die Abläufe hingen an wenigen Personen.",
                       "During the pandemic, vaccination and testing had to be organised "
                       "within days, relying on a handful of people."),
                      ("Lagebilder entstehen bisher per Telefon und Tabellen, die niemand "
                       "zusammenführt.",
                       "Situation reports are still put together by phone and spreadsheets "
                       "that nobody merges.")],
        "impact": [("Ein erprobtes Ablaufhandbuch, mit dem die Kommune kurzfristig handeln "
                    "kann.",
                    "A tested playbook that lets the municipality act at short notice."),
                   ("Ein gemeinsames Lagebild für Krisenstab, Gesundheitsamt und "
                    "Hilfsorganisationen.",
                    "A shared situation picture for the crisis team, health office and aid "
                    "organisations.")],
        "targets": ("Krisenstab, Gesundheitsamt, Hilfsorganisationen, Bürger:innen",
                    "Crisis team, health office, aid organisations, citizens"),
        "sponsors": [("Leitung Brand- und Katastrophenschutz", "Head of civil protection"),
                     ("Leitung Gesundheitsamt", "Head of the health office")],
        "summary": ("{name} will für die nächste Krise besser vorbereitet sein.",
                    "{name} wants to be better prepared for the next crisis."),
    },
    "wirtschaft": {
        "titles": [("Leerstand in der Innenstadt beleben", "Reviving empty shops in the town "
                    "centre"),
                   ("Gründungsfreundliche Kommune", "A start-up friendly municipality")],
        "topics": ["wirtschaftsfoerderung"],
        "profile": [("Wirtschaftsförderung und Standortmarketing", "must", 3),
                    ("Netzwerkarbeit", "must", 2), ("Datenanalyse", "nice", 1),
                    ("Fördermittelmanagement", "nice", 2)],
        "challenge": [("In der Innenstadt stehen immer mehr Ladenlokale leer, Eigentümer:innen "
                       "und Interessierte finden nicht zueinander.",
                       "More and more shops in the town centre stand empty; owners and "
                       "potential tenants do not find each other."),
                      ("Gründer:innen wissen oft nicht, an wen sie sich in der Verwaltung "
                       "wenden sollen.",
                       "Founders often do not know whom to turn to in the administration.")],
        "impact": [("Leerstände werden erfasst und gezielt neu vermittelt.",
                    "Vacant premises are recorded and actively re-let."),
                   ("Eine Anlaufstelle, die Gründungen in wenigen Wochen begleitet.",
                    "One point of contact that guides start-ups within weeks.")],
        "targets": ("Einzelhandel, Gründer:innen, Immobilieneigentümer:innen",
                    "Retailers, founders, property owners"),
        "sponsors": [("Wirtschaftsförderung", "Economic development office"),
                     ("Stadtmarketing", "Town marketing")],
        "summary": ("{name} will die Innenstadt und den Standort stärken.",
                    "{name} wants to strengthen its town centre and business location."),
    },
    "ehrenamt": {
        "titles": [("Ehrenamtsplattform für die Region", "A volunteering platform for the "
                    "region"),
                   ("Engagement sichtbar machen", "Making volunteering visible")],
        "topics": ["buergerbeteiligung", "integration"],
        "profile": [("Ehrenamtskoordination", "must", 2), ("Softwareentwicklung", "nice", 2),
                    ("UX/UI-Design", "must", 2), ("Öffentlichkeitsarbeit", "nice", 2),
                    ("Netzwerkarbeit", "must", 1)],
        "challenge": [("Vereine suchen Nachwuchs, und viele Menschen würden sich engagieren – "
                       "wenn sie wüssten, wo.",
                       "Clubs need new members and many people would volunteer – if they "
                       "knew where."),
                      ("Engagement-Angebote sind auf Aushänge, Vereinsseiten und Gruppen in "
                       "Messengern verteilt.",
                       "Volunteering offers are spread across notice boards, club websites "
                       "and chat groups.")],
        "impact": [("Eine einfache Plattform, über die Vereine und Freiwillige zueinander "
                    "finden.",
                    "A simple platform that brings clubs and volunteers together."),
                   ("Mehr Menschen engagieren sich, auch kurzfristig und projektbezogen.",
                    "More people volunteer, including short-term and for single projects.")],
        "targets": ("Vereine, Freiwillige, Senior:innen, Jugendliche",
                    "Clubs, volunteers, older people, young people"),
        "sponsors": [("Ehrenamtsbeauftragte:r", "Volunteering officer"),
                     ("Leitung Kultur und Soziales", "Head of culture and social affairs")],
        "summary": ("{name} will Ehrenamtliche und Vereine digital zusammenbringen.",
                    "{name} wants to connect volunteers and clubs online."),
    },
    "bildung": {
        "titles": [("Medienentwicklungsplan für die Schulen", "A digital media plan for the "
                    "schools"),
                   ("Digitale Schulverwaltung", "Digital school administration")],
        "topics": ["bildung", "digitale-verwaltung"],
        "profile": [("Projektmanagement", "must", 2), ("IT-Sicherheit", "must", 2),
                    ("Datenanalyse", "nice", 1), ("Change Management", "nice", 2),
                    ("Moderation und Workshopgestaltung", "nice", 1)],
        "challenge": [("Die Schulen haben Geräte erhalten, doch Wartung, Support und "
                       "pädagogische Konzepte fehlen.",
                       "The schools received devices, but maintenance, support and teaching "
                       "concepts are missing."),
                      ("Zwischen Schulträger, Schulen und IT-Dienstleister ist unklar, wer "
                       "wofür zuständig ist.",
                       "It is unclear who is responsible for what between the school "
                       "authority, schools and IT provider.")],
        "impact": [("Ein Medienentwicklungsplan, den alle Schulen mittragen.",
                    "A media development plan that all schools support."),
                   ("Lehrkräfte erhalten verlässlichen Support und können sich aufs "
                    "Unterrichten konzentrieren.",
                    "Teachers get reliable support and can focus on teaching.")],
        "targets": ("Schüler:innen, Lehrkräfte, Schulträger",
                    "Pupils, teachers, the school authority"),
        "sponsors": [("Leitung Schulverwaltungsamt", "Head of school administration"),
                     ("Fachbereich Bildung", "Education department")],
        "summary": ("{name} will die Digitalisierung der Schulen auf solide Füße stellen.",
                    "{name} wants to put school digitalisation on a solid footing."),
    },
    "pflege": {
        "titles": [("Pflegenetzwerk im Quartier", "A neighbourhood care network"),
                   ("Gut alt werden im Ort", "Growing old well at home")],
        "topics": ["gesundheit-und-pflege"],
        "profile": [("Soziale Arbeit und Quartiersentwicklung", "must", 2),
                    ("Netzwerkarbeit", "must", 2), ("Projektmanagement", "must", 1),
                    ("Bürgerbeteiligung", "nice", 2), ("Datenanalyse", "nice", 1)],
        "challenge": [("Pflegende Angehörige sind erschöpft, und Beratungsangebote sind kaum "
                       "bekannt.",
                       "Family carers are exhausted and advice services are little known."),
                      ("Ambulante Dienste, Nachbarschaftshilfe und Kommune wissen wenig "
                       "voneinander.",
                       "Home care services, neighbourly help and the municipality know "
                       "little about each other.")],
        "impact": [("Pflegende Angehörige finden Entlastung mit einem Anruf.",
                    "Family carers find relief with a single phone call."),
                   ("Ältere Menschen können länger selbstständig im Ort leben.",
                    "Older people can live independently at home for longer.")],
        "targets": ("Pflegende Angehörige, ältere Menschen, Pflegedienste",
                    "Family carers, older people, care services"),
        "sponsors": [("Seniorenbeauftragte:r", "Officer for older people"),
                     ("Leitung Sozialamt", "Head of social services")],
        "summary": ("{name} will pflegende Angehörige entlasten.",
                    "{name} wants to support family carers."),
    },
    "foerdermittel": {
        "titles": [("Fördermittelmanagement aufbauen", "Setting up funding management"),
                   ("Keine Förderung mehr verpassen", "Never miss a funding call again")],
        "topics": ["wirtschaftsfoerderung", "digitale-verwaltung"],
        "profile": [("Fördermittelmanagement", "must", 3),
                    ("Haushalts- und Finanzplanung", "must", 2),
                    ("Projektmanagement", "must", 2), ("Datenanalyse", "nice", 1)],
        "challenge": [("Förderprogramme gäbe es genug, aber Anträge scheitern an Fristen und "
                       "fehlendem Eigenanteil im Haushalt.",
                       "There are plenty of funding programmes, but applications fail on "
                       "deadlines and missing co-funding."),
                      ("Jedes Amt recherchiert Förderungen selbst; ein Überblick fehlt.",
                       "Each department searches for funding on its own; there is no "
                       "overview.")],
        "impact": [("Eine zentrale Fördermittelstelle mit Übersicht über Programme und "
                    "Fristen.",
                    "A central funding unit with an overview of programmes and deadlines."),
                   ("Mehr erfolgreiche Anträge bei gleichem Aufwand.",
                    "More successful applications for the same effort.")],
        "targets": ("Fachämter, Kämmerei, Vereine", "Departments, treasury, associations"),
        "sponsors": [("Leitung Kämmerei", "Head of treasury"),
                     ("Büro der Verbandsgemeinde", "Office of the municipal association")],
        "summary": ("{name} will Fördermittel systematisch nutzen.",
                    "{name} wants to use funding systematically."),
    },
    "datenstrategie": {
        "titles": [("Datencockpit für die Verwaltungsspitze", "A data dashboard for the "
                    "leadership"),
                   ("Offene Daten für alle", "Open data for everyone")],
        "topics": ["digitale-verwaltung"],
        "profile": [("Datenanalyse", "must", 3), ("Softwareentwicklung", "must", 2),
                    ("IT-Sicherheit", "nice", 2), ("Change Management", "nice", 1),
                    ("UX/UI-Design", "nice", 1)],
        "challenge": [("Entscheidungen fallen oft ohne belastbare Zahlen, weil Daten in vielen "
                       "Fachverfahren stecken.",
                       "Decisions are often taken without sound figures because data sits in "
                       "many separate systems."),
                      ("Der Rat hat beschlossen, Verwaltungsdaten offen bereitzustellen; "
                       "niemand weiß, welche Daten es überhaupt gibt.",
                       "The council decided to publish administrative data openly; nobody "
                       "knows what data exists.")],
        "impact": [("Die Verwaltungsspitze sieht wichtige Kennzahlen tagesaktuell.",
                    "The leadership sees key figures up to date every day."),
                   ("Erste Datensätze sind als offene Daten veröffentlicht.",
                    "The first datasets are published as open data.")],
        "targets": ("Verwaltungsspitze, Rat, interessierte Öffentlichkeit",
                    "Leadership, council, the interested public"),
        "sponsors": [("Leitung Controlling", "Head of controlling"),
                     ("Chief Digital Officer", "Chief digital officer")],
        "summary": ("{name} will mit Daten besser entscheiden.",
                    "{name} wants to make better decisions with data."),
    },
    "agile_verwaltung": {
        "titles": [("Agil arbeiten im Rathaus", "Agile working in the town hall"),
                   ("Neue Arbeitskultur in der Kreisverwaltung", "A new work culture in the "
                    "district office")],
        "topics": ["digitale-verwaltung", "fachkraeftegewinnung"],
        "profile": [("Agiles Arbeiten", "must", 3), ("Change Management", "must", 2),
                    ("Moderation und Workshopgestaltung", "must", 2),
                    ("Design Thinking", "nice", 2), ("Projektmanagement", "nice", 1)],
        "challenge": [("Projekte ziehen sich über Jahre, weil Abstimmungen über viele "
                       "Hierarchieebenen laufen.",
                       "Projects drag on for years because decisions pass through many "
                       "levels of hierarchy."),
                      ("Jüngere Beschäftigte wünschen sich mehr Eigenverantwortung und "
                       "moderne Zusammenarbeit.",
                       "Younger staff want more responsibility and modern ways of working "
                       "together.")],
        "impact": [("Pilotteams arbeiten in kurzen Zyklen und zeigen früh Ergebnisse.",
                    "Pilot teams work in short cycles and show results early."),
                   ("Führungskräfte kennen agile Methoden und setzen sie gezielt ein.",
                    "Managers know agile methods and use them deliberately.")],
        "targets": ("Beschäftigte, Führungskräfte, Personalrat",
                    "Staff, managers, staff council"),
        "sponsors": [("Leitung Organisationsentwicklung", "Head of organisational "
                      "development"),
                     ("Erste:r Beigeordnete:r", "First deputy mayor")],
        "summary": ("{name} will agile Arbeitsweisen im Alltag verankern.",
                    "{name} wants to anchor agile ways of working in daily routines."),
    },
}
# fmt: on
