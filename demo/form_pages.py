"""The "Mitmachen" page and its form pages (talent pool, Kommunen, Unternehmen, Förderer).

Entries have the shape of ``pages.SECTIONS``: key -> (model, parent key, German slug,
German values, English values); the parent comes first so it exists for its children.
"""

from home.models import StandardPage
from intake.models import FormKind, FormPage

from .base import rich

FORM_PAGES = {
    "mitmachen": (
        StandardPage,
        "home",
        "mitmachen",
        {
            "title": "Mitmachen",
            "intro": "Ob als Macher:in, als Kommune, als Unternehmen oder als Förderer: "
            "Hier finden Sie den passenden Weg zu uns.",
            "listing_summary": "Bewerben, ein Projekt vorschlagen, Mitarbeitende freistellen "
            "oder fördern.",
        },
        {
            "title": "Get involved",
            "slug": "get-involved",
            "intro": "As a maker, a municipality, a company or a funder: this is your way "
            "to reach us.",
            "listing_summary": "Apply, suggest a project, second staff or fund projects.",
        },
    ),
    "form_talent_pool": (
        FormPage,
        "mitmachen",
        "talentpool",
        {
            "title": "Initiativbewerbung für den Talentpool",
            "form_kind": FormKind.TALENT_POOL,
            "intro": rich(
                "Gerade ist kein passendes Projekt ausgeschrieben? Stellen Sie sich trotzdem "
                "vor. Wir nehmen Sie für zwölf Monate in unseren Talentpool auf und melden "
                "uns, sobald eine Kommune jemanden mit Ihren Kompetenzen sucht."
            ),
            "thank_you_text": rich(
                "Schön, dass Sie dabei sind! Ihre Initiativbewerbung ist im Talentpool."
            ),
            "listing_summary": "Stellen Sie sich vor, auch ohne ausgeschriebenes Projekt.",
        },
        {
            "title": "Join the talent pool",
            "slug": "talent-pool",
            "intro": rich(
                "No suitable project advertised right now? Introduce yourself anyway. We "
                "keep you in our talent pool for twelve months and get in touch as soon as "
                "a municipality needs your competencies."
            ),
            "thank_you_text": rich("Great to have you! Your application is in the talent pool."),
            "listing_summary": "Introduce yourself, even without an advertised project.",
        },
    ),
    "form_municipality": (
        FormPage,
        "mitmachen",
        "projekt-vorschlagen",
        {
            "title": "Projekt vorschlagen",
            "form_kind": FormKind.MUNICIPALITY,
            "intro": rich(
                "Ihre Kommune oder Behörde hat eine konkrete Herausforderung, für die Zeit "
                "oder Fachwissen fehlt? Beschreiben Sie sie in wenigen Sätzen. Im Gespräch "
                "klären wir dann gemeinsam, ob ein Lokalprojekt passt."
            ),
            "thank_you_text": rich(
                "Danke für Ihre Anfrage! Wir melden uns in den nächsten Tagen für ein "
                "erstes Gespräch."
            ),
            "listing_summary": "Für Kommunen und Behörden: Herausforderung beschreiben.",
        },
        {
            "title": "Suggest a project",
            "slug": "suggest-a-project",
            "intro": rich(
                "Your municipality or authority faces a concrete challenge and lacks the time "
                "or expertise? Describe it in a few sentences. We will then talk it through "
                "with you and see whether a Lokalprojekt fits."
            ),
            "thank_you_text": rich(
                "Thank you for your request! We will be in touch within the next few days."
            ),
            "listing_summary": "For municipalities and authorities: describe your challenge.",
        },
    ),
    "form_company": (
        FormPage,
        "mitmachen",
        "mitarbeitende-freistellen",
        {
            "title": "Mitarbeitende freistellen",
            "form_kind": FormKind.COMPANY,
            "intro": rich(
                "Ihr Unternehmen möchte sich vor Ort engagieren? Stellen Sie Mitarbeitende "
                "für ein Lokalprojekt frei: Sie arbeiten an einer echten Aufgabe einer "
                "Kommune und bringen neue Erfahrung zurück."
            ),
            "thank_you_text": rich("Danke für Ihr Angebot! Wir melden uns bei Ihnen."),
            "listing_summary": "Corporate Volunteering: Fachleute für Kommunen.",
        },
        {
            "title": "Second your staff",
            "slug": "second-staff",
            "intro": rich(
                "Your company would like to get involved locally? Second staff to a "
                "Lokalprojekt: they work on a real task of a municipality and bring new "
                "experience back."
            ),
            "thank_you_text": rich("Thank you for your offer! We will be in touch."),
            "listing_summary": "Corporate volunteering: professionals for municipalities.",
        },
    ),
    "form_funder": (
        FormPage,
        "mitmachen",
        "foerdern",
        {
            "title": "Lokalprojekte fördern",
            "form_kind": FormKind.FUNDER,
            "intro": rich(
                "Sie möchten Projekte ermöglichen, die vor Ort wirken? Schreiben Sie uns; "
                "wir erzählen Ihnen gern, wie eine Förderung aussehen kann."
            ),
            "thank_you_text": rich("Danke für Ihre Nachricht! Wir melden uns bei Ihnen."),
            "listing_summary": "Für Stiftungen, Unternehmen und Institutionen.",
        },
        {
            "title": "Fund Lokalprojekte",
            "slug": "fund",
            "intro": rich(
                "You would like to make projects possible that have an impact locally? Write "
                "to us; we are happy to explain what funding can look like."
            ),
            "thank_you_text": rich("Thank you for your message! We will be in touch."),
            "listing_summary": "For foundations, companies and institutions.",
        },
    ),
}
