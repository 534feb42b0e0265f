"""What people send through the public forms: personal data, kept apart from the pages.

``records`` holds the people and their submissions (candidates, applications, requests,
offers, contact requests, consent); the Matching-Team works on them in ``backoffice``.
"""

from .form_pages import FormKind, FormPage
from .outbox import OutgoingMail
from .records import (
    ALLOWED_TRANSITIONS,
    APPLICANT_NOTIFIED_STATUSES,
    CLOSED_STATUSES,
    Application,
    ApplicationNote,
    ApplicationStatusChange,
    Candidate,
    CandidateCompetency,
    CompanyOffer,
    ConsentRecord,
    ContactRequest,
    Mobility,
    MunicipalityRequest,
    PipelineStatus,
    RequestStatus,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "APPLICANT_NOTIFIED_STATUSES",
    "Application",
    "ApplicationNote",
    "ApplicationStatusChange",
    "CLOSED_STATUSES",
    "Candidate",
    "CandidateCompetency",
    "CompanyOffer",
    "ConsentRecord",
    "ContactRequest",
    "FormKind",
    "FormPage",
    "Mobility",
    "MunicipalityRequest",
    "OutgoingMail",
    "PipelineStatus",
    "RequestStatus",
]
