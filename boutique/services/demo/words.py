"""Word lists for the demo store: believable names, pieces and counter conversations."""

FIRST_NAMES_F = [
    "Olivia", "Emma", "Charlotte", "Amelia", "Sophia", "Isabella", "Ava", "Mia", "Evelyn",
    "Harper", "Camila", "Gianna", "Abigail", "Luna", "Ella", "Elizabeth", "Sofia", "Emily",
    "Avery", "Mila", "Scarlett", "Eleanor", "Madison", "Layla", "Penelope", "Aria", "Chloe",
    "Grace", "Ellie", "Nora", "Hazel", "Zoey", "Riley", "Victoria", "Lily", "Aurora", "Violet",
    "Nova", "Hannah", "Emilia", "Zoë", "Stella", "Lucía", "Renée", "Ingrid", "Łucja", "Ελένη",
    "Светлана", "Aiko", "Priya", "Fatima", "Margaux", "Siobhán", "Beatriz", "Noor",
]
FIRST_NAMES_M = [
    "Liam", "Noah", "Oliver", "James", "Elijah", "William", "Henry", "Lucas", "Benjamin",
    "Theodore", "Mateo", "Levi", "Sebastian", "Daniel", "Jack", "Michael", "Alexander", "Owen",
    "Asher", "Samuel", "Ethan", "Leo", "Jackson", "Mason", "Ezra", "John", "Hudson", "Luca",
    "Aiden", "Joseph", "David", "Jacob", "Logan", "Luke", "Julian", "Gabriel", "Grayson",
    "Wyatt", "Matthew", "Maverick", "Dylan", "Isaac", "Elias", "Anthony", "Thomas", "Jayden",
    "Carter", "Santiago", "Ezekiel", "Charles", "Josué", "Björn", "Dmitri", "Kenji", "Rafael",
]
LAST_NAMES = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
    "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
    "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Alvarez", "O'Brien", "Ødegård",
    "Kowalczyk", "Papadopoulou", "Иванова", "Nakamura", "Chen", "Patel", "Haddad", "Dubois",
    "Rossi", "Müller", "van der Berg", "MacLeod", "Fitzgerald-Hughes", "Okafor", "Silva",
]
STREETS = [
    "Maple Avenue", "Oak Street", "Cedar Lane", "Elm Drive", "Park Place", "Willow Way",
    "Lakeview Road", "Hillcrest Court", "Chestnut Street", "Magnolia Boulevard", "Birch Terrace",
    "Sycamore Circle", "Harbor View", "Orchard Row", "Juniper Path",
]
CITIES = [
    ("Springfield", "IL", "627"), ("Madison", "WI", "537"), ("Portland", "OR", "972"),
    ("Burlington", "VT", "054"), ("Savannah", "GA", "314"), ("Asheville", "NC", "288"),
    ("Santa Fe", "NM", "875"), ("Boulder", "CO", "803"), ("Charleston", "SC", "294"),
]
COMPANIES = [
    "Hartwell & Associates", "Bluebird Dental", "Northside Realty", "Greene Architecture",
    "Summit Financial Group", "Lakeside Medical Center", "Oakridge Law Offices",
    "Pine & Pixel Studio", "Riverbend Engineering", "City Hospital", "Crescent Bakery",
]
PIECES = [
    # (description, category, metal, stone, price range in dollars)
    ("1.8 ct round solitaire engagement ring", "ring", "platinum", "diamond", (9000, 24000)),
    ("Diamond eternity band", "ring", "18k white gold", "diamond", (2400, 6500)),
    ("Sapphire halo ring", "ring", "18k white gold", "sapphire", (2800, 7200)),
    ("Emerald-cut emerald ring", "ring", "18k yellow gold", "emerald", (3200, 9800)),
    ("Men's brushed wedding band", "ring", "platinum", "", (900, 2200)),
    ("Classic wedding band", "ring", "14k yellow gold", "", (450, 1200)),
    ("Akoya pearl strand, 18 in", "necklace", "14k yellow gold", "pearl", (1200, 3800)),
    ("Diamond tennis bracelet", "bracelet", "14k white gold", "diamond", (3500, 9500)),
    ("Gold bangle", "bracelet", "18k yellow gold", "", (1400, 3200)),
    ("Silver charm bracelet", "bracelet", "sterling silver", "", (150, 420)),
    ("Diamond stud earrings, 1 ct tw", "earrings", "14k white gold", "diamond", (1800, 4800)),
    ("Pearl drop earrings", "earrings", "18k yellow gold", "pearl", (600, 1600)),
    ("Opal pendant", "necklace", "14k rose gold", "opal", (700, 1900)),
    ("Initial pendant, engraved", "necklace", "14k yellow gold", "", (280, 650)),
    ("Tanzanite cocktail ring", "ring", "18k white gold", "tanzanite", (2600, 6400)),
    ("Ruby heart pendant", "necklace", "18k rose gold", "ruby", (1100, 2900)),
    ("Automatic watch, steel", "watch", "steel", "", (2200, 6800)),
    ("Cufflinks, onyx", "cufflinks", "sterling silver", "onyx", (240, 520)),
    ("Morganite ring", "ring", "14k rose gold", "morganite", (900, 2400)),
    ("Silver hoop earrings", "earrings", "sterling silver", "", (90, 260)),
]
OCCASIONS = ["birthday", "anniversary", "engagement", "holiday", "Valentine's Day",
             "Mother's Day", "graduation", "push present", "just because"]
RELATIONS_FOR_PARTNER = ["wife", "husband", "partner", "fiancée", "fiancé"]
OTHER_RELATIONS = ["daughter", "son", "mother", "sister", "friend", "granddaughter"]
CONVERSATIONS = [
    "Off to Italy in May for their anniversary; asked about travel cases.",
    "Proposal planned at the lake house at sunset, he is nervous about the size.",
    "Daughter graduates from nursing school in June.",
    "Mentioned the new puppy, a golden retriever named Biscuit.",
    "Restoring a 1920s farmhouse; loves anything Art Deco.",
    "Training for the Boston Marathon this spring.",
    "Her mother's 70th birthday party is in August, big family reunion.",
    "Just opened a bakery downtown; invited us to the opening.",
    "They are expecting their first baby in the autumn.",
    "Collects vintage watches, was curious about our estate pieces.",
    "Retiring at the end of the year after 30 years of teaching.",
    "Sings in the church choir; performing at Christmas.",
]
FAMILY_FACTS = [
    "Two children: {child1} (9) and {child2} (6).",
    "Partner {partner} prefers yellow gold, never silver.",
    "Grandchildren visit every summer; likes small charms for them.",
]
SIZE_FACTS = ["Ring size {size}; bracelet 7 in.", "Ring size {size}, knuckles larger: sizing beads helped."]
PREFERENCE_FACTS = [
    "Loves sapphires, dislikes anything too flashy.",
    "Only wears platinum: sensitive skin with white gold.",
    "Prefers vintage and Art Deco styles.",
    "Pearls for everyday, diamonds only for evenings.",
]
SERVICE_FACTS = ["Prongs checked and tightened; came back for a free clean.",
                 "Clasp replaced on the pearl strand."]
NICKNAMES = {
    "Elizabeth": "Liz", "Alexander": "Alex", "Victoria": "Tori", "Benjamin": "Ben",
    "Theodore": "Teddy", "Abigail": "Abby", "Penelope": "Penny", "Samuel": "Sam",
    "Matthew": "Matt", "Nicholas": "Nick", "Katherine": "Kate", "William": "Will",
    "Charlotte": "Lottie", "Isabella": "Bella", "Gabriel": "Gabe", "Michael": "Mike",
    "Jonathan": "Jon", "Daniel": "Dan", "Anthony": "Tony", "Eleanor": "Nell",
}
# Everyday pieces (top of range at most the ceiling) and fine pieces (from the floor).
EVERYDAY_PRICE_CEILING = 1200
FINE_PRICE_FLOOR = 2000
