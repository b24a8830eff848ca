"""The web app (`rashomon serve`): the report's views served from the store, with review.

``create_app(store, ...)`` builds the FastAPI app; ``serve(...)`` runs it with uvicorn.
"""

from rashomon.web.app import create_app
from rashomon.web.serve import serve

__all__ = ["create_app", "serve"]
