"""Public routes of the back office: the municipality's private decision link.

Included inside i18n_patterns (German paths under /de/, English under /en/). The link needs
no account; its token is the only key (see intake.models.MunicipalityDecisionLink).
"""

from django.urls import path

from backoffice.views import decision
from intake.urls import route_by_language

app_name = "decision"

urlpatterns = [
    path(
        route_by_language("entscheidung/<str:token>/", "decision/<str:token>/"),
        decision.decision_page,
        name="page",
    ),
    path(
        route_by_language(
            "entscheidung/<str:token>/bewerbung/<int:pk>/",
            "decision/<str:token>/application/<int:pk>/",
        ),
        decision.decide_view,
        name="decide",
    ),
    path(
        route_by_language(
            "entscheidung/<str:token>/bewerbung/<int:pk>/lebenslauf/",
            "decision/<str:token>/application/<int:pk>/cv/",
        ),
        decision.cv_download,
        name="cv",
    ),
]
