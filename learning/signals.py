"""Keep page privacy in line with the Macher:innen-only switch whenever a resource is published.

The documents of a Macher:innen-only resource move into the restricted collection then too.
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import LearningResourcePage


@receiver(page_published, sender=LearningResourcePage)
def apply_macherinnen_restriction(sender, instance, **kwargs):
    instance.sync_view_restriction()
    instance.restrict_documents()
