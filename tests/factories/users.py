"""Users of the admin and the site."""

import factory
from django.contrib.auth.models import Group

from users.models import User


class UserFactory(factory.django.DjangoModelFactory):
    """A user with password "x"; ``groups=["Editors", ...]`` adds them to groups by name
    (created if missing)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("x")

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in extracted))
