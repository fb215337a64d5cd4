"""Everything ShoeAdvisor knows and decides. Imports no Qt."""

from .advice import Advice, FeatureAdvice, KneeAdvice, RiskAdvice, ShoeScore
from .advisor import advise, score_shoes
from .files import InputFileError, NewerFileError, load_profile, load_shoes, parse_profile
from .knowledge import Knowledge, knowledge
from .profile import PROFILE_SCHEMA_VERSION, RunnerProfile
from .shoes import Shoe, parse_shoes

__all__ = [
    "PROFILE_SCHEMA_VERSION",
    "Advice",
    "FeatureAdvice",
    "InputFileError",
    "KneeAdvice",
    "Knowledge",
    "NewerFileError",
    "RiskAdvice",
    "RunnerProfile",
    "Shoe",
    "ShoeScore",
    "advise",
    "knowledge",
    "load_profile",
    "load_shoes",
    "parse_profile",
    "parse_shoes",
    "score_shoes",
]
