"""Who may see the back office: members of the group "Matching-Team" and superusers.

The check is done in code, by group name, instead of through Django model permissions: the
group then needs no permission rows (no data migration), and no editor can gain access by
being given a model permission by mistake in the group editor.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail.permission_policies import BasePermissionPolicy


def is_matching_team(user):
    """True for active superusers and active members of the Matching-Team group."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Cached on the user object: the admin asks this many times per request (menu, buttons).
    cached = getattr(user, "_is_matching_team", None)
    if cached is None:
        cached = user.groups.filter(name=settings.MATCHING_TEAM_GROUP_NAME).exists()
        user._is_matching_team = cached
    return cached


def forbidden():
    """A plain HTTP 403 answer."""
    return HttpResponseForbidden(_("Dieser Bereich ist nur für das Matching-Team."))


class MatchingTeamOnlyMixin:
    """For admin views: HTTP 403 for everyone outside the Matching-Team.

    Wagtail's admin turns a PermissionDenied into a redirect to the dashboard; a direct URL
    to personal data should answer a plain 403 instead, whoever asks and whatever view it is.
    """

    def dispatch(self, request, *args, **kwargs):
        if not is_matching_team(request.user):
            return forbidden()
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden()


def matching_team_users():
    """The users who may work in the back office (for the assignee choice)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=settings.MATCHING_TEAM_GROUP_NAME))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class MatchingTeamPermissionPolicy(BasePermissionPolicy):
    """Grants the listed actions on a back-office model to the Matching-Team, nothing to others.

    ``actions`` limits what the team may do through Wagtail's generic views; for example
    candidates are never deleted through the generic delete view, because deleting a person
    must also delete the CV file (see projects/privacy.py).
    """

    def __init__(self, model, actions=("view", "change")):
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and is_matching_team(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return get_user_model().objects.none()
        return matching_team_users()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)
