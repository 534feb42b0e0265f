"""The "Über uns" page: origin, purpose and partners of the programme."""

from .blocks import cta, text


def about_de(p):
    """Field values of the German page; ``p`` maps keys to section pages."""
    return {
        "title": "Über uns",
        "show_in_menus": True,
        "intro": "Lokalprojekte bringt Macher:innen aus Wirtschaft und Gesellschaft für eine "
        "begrenzte Zeit in Kommunen und Behörden.",
        "listing_summary": "Wie Lokalprojekte entstanden ist, wer dahintersteht und wie Sie uns "
        "erreichen.",
        "body": [
            text(
                "## Entstanden bei #UpdateDeutschland",
                "Die Idee entstand im März 2021 beim bundesweiten Hackathon "
                "#UpdateDeutschland. Ein elfköpfiges Gründungsteam aus Wirtschaft, "
                "Zivilgesellschaft, Wissenschaft und öffentlicher Verwaltung hat daraus ein "
                "Programm gemacht, das heute die Lokalprojekte gGmbH trägt.",
                "## Warum es uns gibt",
                "Viele Kommunen können Stellen nicht besetzen, ihre Beschäftigten sind "
                "ausgelastet, und der demografische Wandel verschärft die Lage. Viele "
                "Aufgaben passen in kein einzelnes Amt, und agile Arbeitsweisen sind in "
                "Verwaltungen noch selten verankert. Lokalprojekte setzt hier an: mit "
                "Menschen, die für eine begrenzte Zeit mitarbeiten und Wissen dalassen.",
                "## Partner",
                "Wir arbeiten unter anderem mit ProjectTogether, Circular Futures, der "
                "Welcome Alliance und Ecosia zusammen. Auf Bundesebene verfolgt das "
                "Fellowship-Programm Work4Germany einen verwandten Ansatz.",
            ),
            cta(
                "Schreiben Sie uns",
                "Sie erreichen das Team unter hallo@lokalprojekte.example.",
                p["kommunen"],
                "Mehr für Kommunen",
            ),
        ],
    }


def about_en(p):
    """Field values of the English page; ``p`` maps keys to section pages."""
    return {
        "title": "About us",
        "slug": "about-us",
        "intro": "Lokalprojekte brings makers from business and society into municipalities "
        "and public authorities for a limited time.",
        "listing_summary": "How Lokalprojekte began, who is behind it and how to reach us.",
        "body": [
            text(
                "## Born at #UpdateDeutschland",
                "The idea was born in March 2021 at the nationwide hackathon "
                "#UpdateDeutschland. An eleven-person founding team from business, civil "
                "society, science and public administration turned it into a programme, "
                "now run by Lokalprojekte gGmbH.",
                "## Why we exist",
                "Many municipalities cannot fill their vacancies, their staff are "
                "overloaded and demographic change makes it worse. Many tasks fit no single "
                "department, and agile ways of working are still rare in administrations. "
                "Lokalprojekte helps with people who join for a limited time and leave "
                "know-how behind.",
                "## Partners",
                "Our partners include ProjectTogether, Circular Futures, the Welcome "
                "Alliance and Ecosia. At federal level, the Work4Germany fellowship follows "
                "a related approach.",
            ),
            cta(
                "Write to us",
                "You can reach the team at hallo@lokalprojekte.example.",
                p["kommunen"],
                "More for municipalities",
            ),
        ],
    }
