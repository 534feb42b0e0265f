"""Routes of the search alerts, German under /de/ and English under /en/."""

from django.urls import path

from alerts import views
from intake.urls import route_by_language

app_name = "alerts"

urlpatterns = [
    path(
        route_by_language("benachrichtigung/neu/<int:listing_id>/", "alerts/new/<int:listing_id>/"),
        views.alert_new,
        name="new",
    ),
    path(
        route_by_language("benachrichtigung/bitte-bestaetigen/", "alerts/please-confirm/"),
        views.alert_pending,
        name="pending",
    ),
    path(
        route_by_language(
            "benachrichtigung/bestaetigen/<str:token>/", "alerts/confirm/<str:token>/"
        ),
        views.alert_confirm,
        name="confirm",
    ),
    path(
        route_by_language(
            "benachrichtigung/abbestellen/<str:token>/", "alerts/unsubscribe/<str:token>/"
        ),
        views.alert_unsubscribe,
        name="unsubscribe",
    ),
    path(
        route_by_language("benachrichtigungen/", "alerts/"),
        views.manage_request,
        name="manage_request",
    ),
    path(
        route_by_language("benachrichtigungen/link-gesendet/", "alerts/link-sent/"),
        views.manage_sent,
        name="manage_sent",
    ),
    path(
        route_by_language("benachrichtigungen/<str:token>/", "alerts/<str:token>/"),
        views.manage,
        name="manage",
    ),
]
