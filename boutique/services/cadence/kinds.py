"""How each kind of follow-up is named to the jeweler, on screen and on paper."""

KIND_LABELS = {
    "thank_you_note": "Thank-you note",
    "satisfaction_call": "Satisfaction call",
    "service_call": "Service call",
    "key_date": "Key date",
    "after_return": "After return",
    "custom": "Follow-up",
    "re_introduction": "Re-introduction",
    "handoff_letter": "Handoff letter",
    "welcome_back": "Welcome back",
}
