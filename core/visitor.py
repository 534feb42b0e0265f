"""The visitor's address, computed one way for every feature that counts per visitor."""

from django.conf import settings


def visitor_address(request):
    """The address the request came from.

    Without proxies (``TRUSTED_PROXY_COUNT = 0``) that is REMOTE_ADDR. Behind n proxies that
    each append to X-Forwarded-For, it is the n-th entry from the right: the address the
    outermost proxy saw. Entries further left come from the client and can be forged.
    Used by the form rate limit and, through ``AXES_CLIENT_IP_CALLABLE``, the login lockout.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or "unknown"
