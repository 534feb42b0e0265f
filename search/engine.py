"""Errors of Wagtail's search backend (the site search), whichever client library is used.

Which backend runs is chosen from the environment in config/settings/search.py.
"""

from django.db import DatabaseError
from elastic_transport import TransportError as ElasticTransportError
from elasticsearch import ApiError
from opensearchpy.exceptions import OpenSearchException


def search_engine_errors():
    """The exceptions that mean "the search failed", for either client library."""
    # DatabaseError: e.g. a query the database backend cannot run.
    return (DatabaseError, OpenSearchException, ApiError, ElasticTransportError)
