"""The legal pages every German website needs, with English convenience translations.

Address, register number and names are placeholders and say so; the operator replaces
them before going live.
"""

from .base import bullets
from .blocks import text

EXAMPLE_ADDRESS = "Lokalprojekte gGmbH<br>Musterstraße 1 (Beispieladresse)<br>12345 Musterstadt"
EMAIL = "hallo@lokalprojekte.example"
EN_NOTE = (
    "This English version is provided for convenience. Only the German version is legally binding."
)


def _imprint_de(p):
    return {
        "title": "Impressum",
        "show_in_menus": False,
        "intro": "Anbieterkennzeichnung nach § 5 Digitale-Dienste-Gesetz (DDG).",
        "body": [
            text(
                "## Anbieterin",
                f"<p>{EXAMPLE_ADDRESS}</p>",
                "<p><strong>Hinweis:</strong> Die Anschrift ist ein Beispiel und wird vor "
                "der Veröffentlichung durch die tatsächliche Anschrift ersetzt.</p>",
                "Vertreten durch die Geschäftsführung: [Name der Geschäftsführung] (Platzhalter)",
                "## Kontakt",
                f'E-Mail: <a href="mailto:{EMAIL}">{EMAIL}</a>',
                "## Registereintrag",
                "Eintragung im Handelsregister. Registergericht: Amtsgericht Musterstadt "
                "(Beispiel). Registernummer: HRB 00000 (Beispiel).",
                "Die Gesellschaft verfolgt ausschließlich und unmittelbar gemeinnützige "
                "Zwecke im Sinne der Abgabenordnung.",
                "## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
                "[Vorname Nachname] (Platzhalter), Anschrift wie oben.",
                "## Haftung für Inhalte und Links",
                "Wir erstellen die Inhalte dieser Website mit Sorgfalt, können für "
                "Vollständigkeit und Aktualität aber keine Gewähr übernehmen. Für Inhalte "
                "verlinkter externer Seiten sind deren Anbieter verantwortlich. Werden uns "
                "Rechtsverletzungen bekannt, entfernen wir betroffene Inhalte oder Links "
                "umgehend.",
                "## Verbraucherstreitbeilegung",
                "Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren "
                "vor einer Verbraucherschlichtungsstelle teilzunehmen.",
            )
        ],
    }


def _imprint_en(p):
    return {
        "title": "Imprint",
        "slug": "imprint",
        "intro": "Provider information under section 5 of the German Digital Services Act "
        "(DDG). " + EN_NOTE,
        "body": [
            text(
                "## Provider",
                f"<p>{EXAMPLE_ADDRESS}</p>",
                "<p><strong>Note:</strong> the address is an example and will be replaced "
                "by the actual address before publication.</p>",
                "Represented by the management: [name of the managing director] (placeholder)",
                "## Contact",
                f'E-mail: <a href="mailto:{EMAIL}">{EMAIL}</a>',
                "## Register entry",
                "Entered in the commercial register. Court of registration: Amtsgericht "
                "Musterstadt (example). Registration number: HRB 00000 (example).",
                "## Responsible for content under section 18(2) MStV",
                "[First name last name] (placeholder), address as above.",
                "## Consumer dispute resolution",
                "We are neither willing nor obliged to take part in dispute resolution "
                "proceedings before a consumer arbitration board.",
            )
        ],
    }


def _privacy_de(p):
    return {
        "title": "Datenschutzerklärung",
        "show_in_menus": False,
        "intro": "Wie wir mit Ihren personenbezogenen Daten umgehen, wenn Sie diese Website "
        "nutzen, sich bewerben oder uns schreiben.",
        "body": [
            text(
                "## 1. Verantwortliche Stelle",
                f"<p>{EXAMPLE_ADDRESS}<br>E-Mail: {EMAIL}</p>",
                "Verantwortlich im Sinne von Art. 4 Nr. 7 DSGVO ist die Lokalprojekte "
                "gGmbH. Die Anschrift ist ein Beispiel und wird vor der Veröffentlichung "
                "ersetzt.",
                "## 2. Hosting und Server-Protokolle",
                "Beim Aufruf der Website verarbeitet unser Server technisch notwendige "
                "Daten: IP-Adresse, Datum und Uhrzeit, aufgerufene Adresse, übertragene "
                "Datenmenge, Referrer und Browserkennung. Wir nutzen sie, um die Website "
                "sicher und stabil zu betreiben und Angriffe abzuwehren. Rechtsgrundlage "
                "ist Art. 6 Abs. 1 lit. f DSGVO. Die Protokolle löschen wir nach 14 Tagen, "
                "sofern sie nicht zur Aufklärung eines Sicherheitsvorfalls benötigt werden.",
                "## 3. Kontakt- und Anfrageformulare",
                "Wenn Sie uns über ein Formular schreiben, etwa eine Expert:in anfragen, "
                "verarbeiten wir Ihre Angaben, um Ihr Anliegen zu bearbeiten und Ihre "
                "Anfrage an die angefragte Person weiterzuleiten. Rechtsgrundlage ist Art. 6 "
                "Abs. 1 lit. b DSGVO, soweit es um eine Zusammenarbeit geht, sonst Art. 6 "
                "Abs. 1 lit. f DSGVO. Wir löschen die Daten sechs Monate nach Abschluss der "
                "Anfrage.",
                "## 4. Bewerbungen und Talentpool",
                "Für Bewerbungen auf Projekte verarbeiten wir Ihre Kontaktdaten, Angaben zu "
                "Kompetenzen und Verfügbarkeit, Ihr Anschreiben und Ihren Lebenslauf. Nur "
                "das Matching-Team hat Zugriff darauf. Rechtsgrundlage ist Art. 6 Abs. 1 "
                "lit. b DSGVO (Anbahnung eines Vertragsverhältnisses). Die ausschreibende "
                "Kommune erhält Ihre Unterlagen erst, wenn wir Sie für ein Projekt "
                "vorschlagen; darüber informieren wir Sie vorher.",
                "In den Talentpool nehmen wir Sie nur mit Ihrer Einwilligung auf (Art. 6 "
                "Abs. 1 lit. a DSGVO). Sie können die Einwilligung jederzeit mit Wirkung "
                "für die Zukunft widerrufen.",
                "## 5. Anmeldung für Macher:innen",
                "Für den geschützten Bereich der Lernbibliothek speichern wir Ihre "
                "Zugangsdaten (Art. 6 Abs. 1 lit. b DSGVO). Nach der Anmeldung setzen wir "
                "ein Sitzungs-Cookie, das für diese Funktion technisch notwendig ist "
                "(§ 25 Abs. 2 Nr. 2 TDDDG).",
                "## 6. Keine Analyse- und Tracking-Dienste",
                "Wir setzen keine Analyse-, Werbe- oder Tracking-Dienste ein. Cookies "
                "verwenden wir nur, soweit sie technisch notwendig sind, etwa zum Schutz "
                "von Formularen und für die gewählte Sprache.",
                "## 7. Inhalte Dritter",
                "Videos und andere Inhalte externer Anbieter binden wir nicht automatisch "
                "ein. Erst wenn Sie einen entsprechenden Link anklicken, werden Daten wie "
                "Ihre IP-Adresse an den jeweiligen Anbieter übertragen.",
                "## 8. Speicherdauer",
                "Wir speichern personenbezogene Daten nur so lange, wie es für den "
                "jeweiligen Zweck erforderlich ist. Bewerbungsunterlagen löschen wir sechs "
                "Monate nach Abschluss des Verfahrens, Talentpool-Einträge nach Ihrem "
                "Widerruf. Gesetzliche Aufbewahrungspflichten bleiben unberührt.",
                "## 9. Ihre Rechte",
                bullets(
                    "Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)",
                    "Berichtigung unrichtiger Daten (Art. 16 DSGVO)",
                    "Löschung (Art. 17 DSGVO) und Einschränkung der Verarbeitung (Art. 18 DSGVO)",
                    "Datenübertragbarkeit (Art. 20 DSGVO)",
                    "Widerspruch gegen Verarbeitungen auf Grundlage von Art. 6 Abs. 1 lit. f "
                    "DSGVO (Art. 21 DSGVO)",
                    "Widerruf einer Einwilligung mit Wirkung für die Zukunft (Art. 7 Abs. 3 DSGVO)",
                    "Beschwerde bei einer Datenschutz-Aufsichtsbehörde (Art. 77 DSGVO)",
                ),
                f"Schreiben Sie uns dazu an {EMAIL}.",
            )
        ],
    }


def _privacy_en(p):
    return {
        "title": "Privacy policy",
        "slug": "privacy",
        "intro": "How we handle your personal data when you use this website, apply or write "
        "to us. " + EN_NOTE,
        "body": [
            text(
                "## 1. Controller",
                f"<p>{EXAMPLE_ADDRESS}<br>E-mail: {EMAIL}</p>",
                "## 2. Hosting and server logs",
                "Our server processes technically necessary data (IP address, time, "
                "requested address, referrer, browser) to run the site securely, based on "
                "Art. 6(1)(f) GDPR. Logs are deleted after 14 days.",
                "## 3. Contact and request forms",
                "We process what you enter to handle your request and, for expert "
                "requests, to forward it (Art. 6(1)(b) or (f) GDPR). We delete the data six "
                "months after the request is closed.",
                "## 4. Applications and talent pool",
                "Applications are seen only by our matching team (Art. 6(1)(b) GDPR). The "
                "municipality receives your documents only when we propose you, and we tell "
                "you beforehand. The talent pool requires your consent (Art. 6(1)(a) GDPR), "
                "which you can withdraw at any time.",
                "## 5. No tracking",
                "We use no analytics, advertising or tracking services and only technically "
                "necessary cookies. Third-party content such as videos loads only after you "
                "click a link to it.",
                "## 6. Your rights",
                "You have the rights of access, rectification, erasure, restriction, data "
                "portability and objection (Art. 15–21 GDPR), may withdraw consent "
                "(Art. 7(3) GDPR) and may lodge a complaint with a supervisory authority "
                f"(Art. 77 GDPR). Write to {EMAIL}.",
            )
        ],
    }


def _accessibility_de(p):
    return {
        "title": "Erklärung zur Barrierefreiheit",
        "show_in_menus": False,
        "intro": "Wir möchten, dass alle Menschen diese Website nutzen können.",
        "body": [
            text(
                "## Geltungsbereich",
                "Diese Erklärung gilt für die Website von Lokalprojekte. Wir orientieren "
                "uns an der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den "
                "Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA.",
                "## Stand der Vereinbarkeit",
                "Die Website ist weitgehend mit der BITV 2.0 vereinbar. Seitenstruktur, "
                "Überschriften, Formulare und Kontraste prüfen wir regelmäßig, auch mit "
                "automatisierten Tests.",
                "## Nicht barrierefreie Inhalte",
                bullets(
                    "Einige Dokumente zum Herunterladen in der Lernbibliothek sind noch "
                    "nicht vollständig barrierefrei.",
                    "Nicht alle Videos haben Untertitel; wo vorhanden, bieten wir ein "
                    "Transkript an.",
                ),
                "## Barrieren melden",
                f"Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns an {EMAIL}. Wir "
                "antworten innerhalb von vier Wochen.",
                "## Erstellung dieser Erklärung",
                "Die Erklärung beruht auf einer Selbstbewertung und wird bei größeren "
                "Änderungen der Website aktualisiert.",
            )
        ],
    }


def _accessibility_en(p):
    return {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "intro": "We want everyone to be able to use this website. " + EN_NOTE,
        "body": [
            text(
                "## Scope and status",
                "This statement covers the Lokalprojekte website. We follow the German "
                "accessibility regulation BITV 2.0 and WCAG 2.1 level AA; the site is "
                "largely compliant.",
                "## Known limitations",
                bullets(
                    "Some downloadable documents in the learning library are not yet fully "
                    "accessible.",
                    "Not all videos have captions; where available we provide a transcript.",
                ),
                "## Report a barrier",
                f"Please write to {EMAIL}. We reply within four weeks.",
            )
        ],
    }


# key -> (German slug, German values, English values)
LEGAL_PAGES = {
    "imprint": ("impressum", _imprint_de, _imprint_en),
    "privacy": ("datenschutz", _privacy_de, _privacy_en),
    "accessibility": ("barrierefreiheit", _accessibility_de, _accessibility_en),
}
