"""The form pages and the records people send (personal data: intake/models/records.py)."""

import datetime

import factory
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from intake.models import (
    Application,
    ApplicationNote,
    Candidate,
    CandidateCompetency,
    CompanyOffer,
    ConsentRecord,
    ContactRequest,
    FormKind,
    FormPage,
    MunicipalityRequest,
    PipelineStatus,
)
from tests.factories.core import PageFactory
from tests.factories.taxonomy import CompetencyFactory

# The smallest file that is a PDF by its content (intake.uploads looks at the bytes).
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# The steps an application takes through the pipeline to reach each status; every step is
# one the pipeline allows (Application.transition_to checks it) and is written to the history.
PIPELINE_ROUTES = {
    PipelineStatus.RECEIVED: [],
    PipelineStatus.SCREENING: [PipelineStatus.SCREENING],
    PipelineStatus.SHORTLISTED: [PipelineStatus.SCREENING, PipelineStatus.SHORTLISTED],
    PipelineStatus.INTERVIEW: [
        PipelineStatus.SCREENING,
        PipelineStatus.SHORTLISTED,
        PipelineStatus.INTERVIEW,
    ],
    PipelineStatus.PROPOSED: [
        PipelineStatus.SCREENING,
        PipelineStatus.SHORTLISTED,
        PipelineStatus.PROPOSED,
    ],
    PipelineStatus.ACCEPTED: [
        PipelineStatus.SCREENING,
        PipelineStatus.SHORTLISTED,
        PipelineStatus.PROPOSED,
        PipelineStatus.ACCEPTED,
    ],
    PipelineStatus.DECLINED: [PipelineStatus.SCREENING, PipelineStatus.DECLINED],
    PipelineStatus.WITHDRAWN: [PipelineStatus.WITHDRAWN],
}


class FormPageFactory(PageFactory):
    """A page with one of the public forms (talent pool unless ``form_kind`` is given)."""

    class Meta:
        model = FormPage

    title = factory.Sequence(lambda n: f"Formular {n}")
    form_kind = FormKind.TALENT_POOL
    intro = "<p>Eine Einleitung.</p>"
    thank_you_text = "<p>Danke!</p>"


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    """Consent to the current privacy notice (settings.PRIVACY_VERSION)."""

    class Meta:
        model = ConsentRecord

    purpose = "application"
    privacy_version = factory.LazyFunction(lambda: settings.PRIVACY_VERSION)


class CandidateFactory(factory.django.DjangoModelFactory):
    """Erika Mustermann from Hesse, available now for twelve months, with her consent.

    ``competencies={competency: level}`` adds what she brings; ``cv=True`` stores a PDF CV
    (named after her, in the private storage).
    """

    class Meta:
        model = Candidate
        skip_postgeneration_save = True

    first_name = "Erika"
    last_name = "Mustermann"
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "0170 1234567"
    city = "Eschwege"
    postcode = "37269"
    bundesland = "HE"
    mobility = "state"
    available_from = factory.LazyFunction(datetime.date.today)
    preferred_duration_months = 12
    year_of_birth = 1980
    gender = "weiblich"
    consent = factory.SubFactory(ConsentRecordFactory)

    @factory.post_generation
    def competencies(candidate, create, extracted, **kwargs):
        for competency, level in (extracted or {}).items():
            CandidateCompetencyFactory(candidate=candidate, competency=competency, level=level)

    @factory.post_generation
    def cv(candidate, create, extracted, **kwargs):
        if extracted:
            name = f"{candidate.first_name}-{candidate.last_name}-lebenslauf.pdf"
            candidate.cv.save(name, ContentFile(MINIMAL_PDF), save=create)


class CandidateCompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateCompetency

    candidate = factory.SubFactory(CandidateFactory)
    competency = factory.SubFactory(CompetencyFactory)
    level = 2


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application to the talent pool (``project`` None) or a project.

    ``status=...`` moves it there through the pipeline (see PIPELINE_ROUTES), with a history.
    """

    class Meta:
        model = Application
        skip_postgeneration_save = True

    candidate = factory.SubFactory(CandidateFactory)
    project = None
    motivation = "Ich möchte helfen."

    @factory.post_generation
    def status(application, create, extracted, **kwargs):
        for step in PIPELINE_ROUTES[PipelineStatus(extracted or PipelineStatus.RECEIVED)]:
            application.transition_to(step)


class ApplicationNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationNote

    application = factory.SubFactory(ApplicationFactory)
    author = None
    text = "Eine Notiz des Teams."


class MunicipalityRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MunicipalityRequest

    municipality_name = factory.Sequence(lambda n: f"Gemeinde {n}")
    bundesland = "HE"
    contact_name = "Amt"
    email = factory.Sequence(lambda n: f"amt{n}@example.org")
    challenge = "Fachkräfte fehlen."
    consent = factory.SubFactory(ConsentRecordFactory, purpose="municipality_request")


class CompanyOfferFactory(factory.django.DjangoModelFactory):
    """A company's offer; ``competencies=[...]`` sets what its staff bring."""

    class Meta:
        model = CompanyOffer
        skip_postgeneration_save = True

    company_name = factory.Sequence(lambda n: f"Beispiel {n} GmbH")
    contact_name = "HR"
    email = factory.Sequence(lambda n: f"hr{n}@example.org")
    staff_count = 1
    consent = factory.SubFactory(ConsentRecordFactory, purpose="company_offer")

    @factory.post_generation
    def competencies(offer, create, extracted, **kwargs):
        if create and extracted:
            offer.competencies.set(extracted)


class ContactRequestFactory(factory.django.DjangoModelFactory):
    """A general contact request with consent given now (``kind``, ``expert`` to change)."""

    class Meta:
        model = ContactRequest

    kind = ContactRequest.Kind.GENERAL
    name = "Name"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    message = "Hallo"
    privacy_version = factory.LazyFunction(lambda: settings.PRIVACY_VERSION)
    consent_given_at = factory.LazyFunction(timezone.now)
