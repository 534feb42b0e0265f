"""API endpoint for the expert pool (a snippet, so not covered by the pages endpoint)."""

from rest_framework.fields import SerializerMethodField
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from .models import Expert


class ExpertSerializer(BaseSerializer):
    expertise = SerializerMethodField()
    locale = SerializerMethodField()

    def get_expertise(self, obj):
        return [c.localized.name for c in obj.expertise.all()]

    def get_locale(self, obj):
        return obj.locale.language_code


class ExpertsAPIViewSet(BaseAPIViewSet):
    """Experts in the requested locale (``?locale=en``); never their e-mail address."""

    base_serializer_class = ExpertSerializer
    model = Expert
    body_fields = [
        *BaseAPIViewSet.body_fields,
        "name",
        "slug",
        "organisation",
        "position",
        "expertise",
        "languages",
        "bio",
        "availability",
        "locale",
    ]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "name",
        "slug",
        "organisation",
        "expertise",
        "availability",
        "locale",
    ]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])

    def get_queryset(self):
        code = self.request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else None
        return (
            Expert.objects.filter(locale=locale or Locale.get_default())
            .prefetch_related("expertise")
            .order_by("name")
        )
