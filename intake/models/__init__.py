"""What people send through the public forms: personal data, kept apart from the pages.

``records`` holds the people and their submissions (candidates, applications, requests,
offers, contact requests, consent); ``decisions`` the municipality's private decision link
and the placement that starts a project. The Matching-Team works on them in ``backoffice``.
"""

from .decisions import MunicipalityDecisionLink, Placement
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
    "MunicipalityDecisionLink",
    "MunicipalityRequest",
    "OutgoingMail",
    "PipelineStatus",
    "Placement",
    "RequestStatus",
]
