# One image for both the API (uvicorn) and the UI (streamlit); docker-compose.yml picks the command.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Only what the package needs: keeps .state/ (Neo4j data) and neo4j-server/target/ out of the image.
COPY pyproject.toml README.md ./
COPY chainkg ./chainkg
COPY ontology ./ontology
COPY etl ./etl
COPY graph ./graph
COPY api ./api
COPY ui ./ui

RUN pip install . \
 && useradd --create-home --uid 10001 chainkg
USER chainkg

EXPOSE 8000 8501
CMD ["uvicorn", "api.app:app", "--host", "0.0.0.0", "--port", "8000"]
