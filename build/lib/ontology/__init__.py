"""ChainKG ontology: the schema and the domain vocabulary (seven reference chains, technologies,
policy facts). See FORMAT.md for the data files."""

from ontology.loader import CLUSTER_ORDER, Ontology, load_ontology
from ontology.models import Cluster, County, Enterprise, Feeds, Platform, PolicyTarget, Segment, Technology
from ontology.schema import LABELS, REL_ENDPOINTS, REL_TYPES

__all__ = ["Ontology", "load_ontology", "CLUSTER_ORDER", "Cluster", "Segment", "Feeds", "Technology",
           "Enterprise", "County", "Platform", "PolicyTarget", "LABELS", "REL_TYPES", "REL_ENDPOINTS"]
