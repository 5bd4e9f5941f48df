"""Generate src/trustdesk/data/demo/intents.csv, the demo intent training data for Lumen & Loom.

Texts are built from hand-written templates with a fixed seed, so the CSV is reproducible:
    .venv/bin/python scripts/make_demo_intents.py
Personal data never appears: placeholders such as <PERSON_1>, <EMAIL_1>, <ORDER_1> stand in,
as they would after the privacy guard has redacted a message.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

SEED = 20240611
PER_INTENT = 80
OUT = Path(__file__).resolve().parents[1] / "src" / "trustdesk" / "data" / "demo" / "intents.csv"

SLOTS: dict[str, list[str]] = {
    "item": [
        "duvet cover", "table lamp", "wool rug", "cast iron pan", "oak side table", "linen sheets",
        "floor lamp", "bath towels", "dinner plates", "armchair", "pillows", "kettle",
        "throw blanket",
        "bookshelf", "pendant light", "knife set", "coffee table", "mattress topper", "runner rug",
    ],
    "order": ["<ORDER_1>", "order <ORDER_1>", "my order", "order number <ORDER_1>",
    "my last order"],
    "days": ["two weeks", "10 days", "a week", "three weeks", "5 days", "over a month"],
    "person": ["<PERSON_1>", "<PERSON_2>"],
    "email": ["<EMAIL_1>"],
    "country": ["the UK", "Germany", "France", "the US", "Ireland", "Spain", "the Netherlands"],
    "money": ["<AMOUNT_1>", "the full amount", "twice"],
    "care_item": [
        "linen sheets", "cotton sheets", "duvet", "feather pillows", "wool rug", "jute rug",
        "oak table", "walnut side table", "cast iron pan", "non-stick pan", "knives",
        "chopping board", "lamp shade", "bath towels", "duvet cover", "sofa cushions",
    ],
}

# Intents whose texts should not get greeting/thanks wrappers (it would blur the classes).
BARE = {"greeting", "thanks"}

INTENTS: dict[str, list[str]] = {
    "human_agent": [
        "I want to talk to a human", "can I speak to a real person please",
        "put me through to an agent", "get me a human being, not a bot",
        "is there a person I can talk to", "I'd like to speak with someone from your team",
        "connect me to customer service staff", "stop the bot, I need a real agent",
        "let me talk to a live agent", "human please", "agent", "transfer me to a person",
        "I don't want to chat with an AI, give me a person", "can a member of staff call me back",
        "I need to speak to a manager", "is anyone real there?", "operator please",
        "I'd rather deal with a human on this", "can someone from support contact me directly",
        "speak to representative", "talk to a real human now",
    ],
    "complaint": [
        "I want to make a complaint", "your service has been terrible",
        "I am really unhappy with how I have been treated",
        "this is the worst shopping experience ever",
        "I'd like to file a formal complaint about your staff",
        "nobody answers my emails, this is unacceptable",
        "I'm disappointed with the quality of the {item}",
        "your customer service is a joke", "how do I complain about a delivery driver",
        "I have been ignored for {days}, I'm furious", "very poor service from Lumen & Loom",
        "I want to escalate my complaint", "this is the third time I've had to write to you",
        "your courier was rude to me", "I'm fed up with your company",
        "the quality of your products has gone downhill", "I'm not happy at all with the service",
        "I want to lodge a complaint about {order}", "disgusted with how this was handled",
    ],
    "refund": [
        "I want a refund", "can I get my money back for the {item}", "when will I get my refund",
        "how long does a refund take", "I returned the {item} but haven't been refunded",
        "please refund {order}", "refund status for {order}", "has my refund been processed",
        "I'd like a refund instead of an exchange", "where is my refund, it's been {days}",
        "I need my money back", "can you refund me to my original card",
        "my refund still hasn't arrived", "refund the {item} please", "what is the refund policy",
        "will I be refunded for shipping costs too", "give me a refund for the {item}",
    ],
    "order_status": [
        "I'm asking for my dad, where is his order", "I'm 72, has {order} shipped yet",
        "where is my order", "what's the status of {order}", "track {order}",
        "can you tell me when {order} will arrive", "has my {item} shipped yet",
        "I'd like an update on {order}", "when will my {item} be delivered",
        "is {order} on its way", "tracking number for {order}", "order status please",
        "has {order} been dispatched", "can I track my parcel", "where's my {item}",
        "what is the estimated delivery date for {order}", "check on my order for me",
        "I ordered a {item} yesterday, when does it ship",
    ],
    "cancel_order": [
        "cancel my order", "I want to cancel {order}", "please cancel the {item} I just ordered",
        "can I still cancel {order}", "how do I cancel an order", "I changed my mind, cancel it",
        "stop {order} before it ships", "I ordered by mistake, please cancel",
        "is it too late to cancel my {item}", "cancel the order I placed this morning",
        "I no longer need the {item}, cancel the order", "can you call off {order}",
        "remove the {item} from my order and cancel it", "I need to cancel my purchase",
    ],
    "billing_dispute": [
        "I was charged {money} for {order}", "there is a charge on my card I don't recognise",
        "you billed me {money}", "why was I charged more than the price shown",
        "I was double charged", "I want to dispute a charge",
        "unauthorised payment from Lumen & Loom",
        "my bank statement shows a payment I didn't make", "the amount charged is wrong",
        "you took money from my account without permission",
        "I was charged for an order I cancelled",
        "incorrect charge on my credit card", "I see two payments for the same {item}",
        "I was billed for shipping even though it was free", "overcharged for {order}",
    ],
    "account_access": [
        "I'm 81 and I can't remember my password", "asking for my mother, she can't log in",
        "I can't log in", "I forgot my password", "my account is locked",
        "password reset email never arrived", "I can't access my account",
        "the login page says my email {email} is not recognised", "how do I reset my password",
        "I'm locked out of my account", "two factor code isn't working",
        "it keeps saying wrong password", "I can't sign in to my Lumen & Loom account",
        "reset link has expired", "help me get back into my account",
        "my verification code never came", "login not working on the app",
    ],
    "data_privacy_request": [
        "I want a copy of all the data you hold about me", "delete all my personal data",
        "I'm making a subject access request", "under GDPR I request erasure of my data",
        "what personal information do you store about me", "please erase my data",
        "stop processing my personal data", "I want to know how you use my data",
        "send me everything you have on file about {email}", "I withdraw my consent for marketing",
        "right to be forgotten request", "who do you share my data with",
        "I don't want my conversations used to train your AI", "data protection request",
        "export my personal data please", "opt me out of AI processing of my data",
        "can I opt out of my messages being handled by the AI",
        "I don't want an AI reading my messages", "turn off the AI assistant for my account",
    ],
    "bereavement_vulnerable": [
        "my husband passed away and the account was in his name",
        "I'm writing on behalf of my late mother", "my father died, how do I close his account",
        "the account holder has died", "I'm recently bereaved and need help with an order",
        "I'm going through a really hard time and can't cope",
        "I'm struggling financially and can't pay",
        "my wife is in hospital and I can't deal with this right now",
        "I have a disability and need extra help with my order",
        "I'm elderly and don't understand how to use the website",
        "my son died last month and his orders keep arriving",
        "I lost my job and can't afford the payments", "I'm caring for a terminally ill relative",
        "there has been a death in the family", "I'm feeling very low and overwhelmed",
        "I am visually impaired and cannot read the order page",
    ],
    "out_of_scope": [
        "what's the weather like tomorrow", "tell me a joke", "who won the football last night",
        "what is the capital of Australia", "can you help me with my maths homework",
        "write me a poem about cats", "what's a good recipe for lasagne",
        "should I buy bitcoin", "how tall is the Eiffel tower", "what time is it in Tokyo",
        "who is the president of France", "recommend a good film", "how do I fix my car engine",
        "translate hello into Japanese", "what's the meaning of life",
        "book me a flight to {country}", "play some music", "how many calories in a banana",
        "what's your favourite colour", "can you do my taxes",
        "{mash}", "{mash} {mash}", "{mash}?", "test", "testing 123", "lorem ipsum dolor sit amet",
        "???", "...", "blah blah", "{mash} {mash} {mash}",
    ],
    "return_item": [
        "I'm asking for my gran, can she return the {item}",
        "how do I return the {item}", "I want to return {order}", "can I send the {item} back",
        "what is your returns policy", "I need a return label", "how many days do I have to return",
        "the {item} doesn't fit my room, can I return it", "start a return for the {item}",
        "where do I send returns", "can I return an item bought in the sale",
        "is return shipping free", "I'd like to exchange the {item} for another colour",
        "can I drop a return off at a post office", "return the {item} I bought {days} ago",
    ],
    "shipping_options": [
        "asking for my father: do you deliver to {country}",
        "I'm 58 and I'd like to know how much delivery is",
        "do you ship to {country}", "how much is delivery", "what shipping options do you have",
        "do you offer next day delivery", "how long does standard shipping take",
        "is there free shipping over a certain amount", "can I choose a delivery slot",
        "do you deliver on weekends", "international shipping costs to {country}",
        "can I collect my order from a store", "what courier do you use",
        "express delivery price", "do you deliver furniture to {country}",
    ],
    "delivery_delay": [
        "my order is late", "{order} should have arrived {days} ago", "my delivery is delayed",
        "the {item} still hasn't arrived", "it's been {days} and no parcel",
        "tracking hasn't updated for {days}", "why is my delivery taking so long",
        "the courier missed the delivery date", "my parcel seems stuck in transit",
        "estimated delivery has passed and nothing came", "the {item} was due yesterday",
        "delivery was supposed to be today but it never came", "my order is overdue",
    ],
    "damaged_item": [
        "the {item} arrived broken", "my {item} is damaged", "the {item} came cracked",
        "the box was crushed and the {item} is scratched", "the {item} stopped working after a day",
        "there's a stain on the {item}", "the {item} has a tear in it", "received a faulty {item}",
        "parts of the {item} are missing and one leg is broken",
        "the glass on the {item} is shattered",
        "the {item} arrived chipped", "defective {item}, what do I do",
        "the {item} is dented", "my {item} was smashed in the post",
    ],
    "wrong_item": [
        "I received the wrong item", "you sent me the wrong {item}",
        "I ordered a {item} but got something else", "wrong colour delivered",
        "this isn't what I ordered", "the size is wrong, I ordered a large {item}",
        "I got someone else's order", "the package contained a {item} I never ordered",
        "you mixed up my order", "wrong product in my parcel", "incorrect item sent for {order}",
        "the {item} is not the model I chose",
    ],
    "change_address": [
        "I need to change my delivery address", "can I update the shipping address on {order}",
        "I moved, please send {order} to my new address", "wrong address on my order",
        "deliver to <ADDRESS_1> instead", "change the address for my {item} delivery",
        "I typed the postcode wrong", "can you redirect my parcel",
        "update delivery address before it ships", "send it to my work address instead",
        "I made a mistake in the address for {order}",
    ],
    "payment_methods": [
        "my mum wants to know if you take PayPal", "I'm 66, can I pay by bank transfer",
        "what payment methods do you accept", "can I pay with PayPal", "do you take Apple Pay",
        "can I pay in instalments", "do you accept American Express",
        "is buy now pay later available", "my card was declined at checkout",
        "can I pay by bank transfer", "do you accept Klarna", "which cards can I use",
        "payment failed when I tried to order the {item}", "can I split payment across two cards",
    ],
    "gift_card": [
        "how do I use a gift card", "check my gift card balance", "my gift card code isn't working",
        "can I buy a gift card for {person}", "do gift cards expire", "I lost my gift card",
        "can I use two gift cards on one order", "e-gift card never arrived in my inbox",
        "redeem gift voucher", "how much is left on my gift card",
        "can I send a gift card by email to {email}", "gift card was declined at checkout",
    ],
    "loyalty_rewards": [
        "how many Loom Rewards points do I have", "how do I join Loom Rewards",
        "my points are missing from {order}", "how do I redeem my reward points",
        "do my loyalty points expire", "I didn't get points for my last purchase",
        "what tier am I in the rewards programme", "how many points do I earn per pound",
        "can I use points to pay for the {item}", "loyalty programme benefits",
        "my rewards balance is wrong", "sign me up for the loyalty scheme",
    ],
    "product_availability": [
        "is the {item} back in stock", "when will the {item} be available again",
        "do you have the {item} in blue", "is the {item} available in a larger size",
        "the {item} shows sold out, will you restock", "do you sell {item} in stores",
        "can I pre-order the {item}", "notify me when the {item} is in stock",
        "do you still make the {item}", "what sizes does the {item} come in",
        "is the {item} available to ship to {country}",
    ],
    # how to use, clean and look after what was bought, and what it is made of
    "product_care": [
        "how do I wash the {care_item}", "can I put the {care_item} in the dishwasher",
        "can the {care_item} go in the tumble dryer",
        "what temperature should I wash the {care_item} at",
        "how do I get a stain out of the {care_item}",
        "the {care_item} shrank in the wash, is that normal",
        "my new rug keeps shedding fibres", "how do I clean the {care_item}",
        "does the cast iron pan work on an induction hob", "how do I season the cast iron pan",
        "is the {care_item} dishwasher safe",
        "there's a water mark on my wooden table, how do I remove it",
        "how often should I oil the oak table", "can the {care_item} be used outdoors",
        "which bulb does the table lamp take", "my lamp keeps flickering, what should I check",
        "can I use a dimmer switch with the floor lamp", "will the lamp work with UK plugs",
        "how do I sharpen the knives", "how do I stop the rug slipping",
        "is the oak table solid wood or veneer", "what material is the {item} made of",
        "what sizes does the {item} come in", "what size duvet fits a king bed",
        "how do I look after the {care_item}", "can I iron the {care_item}",
        "how do I fix a scratch on the walnut side table", "is the {care_item} machine washable",
    ],
    # the shop itself: showrooms, opening hours, ordering by phone, swatches, gift wrap
    "shop_info": [
        "do you have a showroom", "what are your opening hours", "are you open on Saturdays",
        "can I visit a store to see the {item}", "where are you based",
        "can I place an order over the phone", "what time does customer service open",
        "can I order fabric swatches", "do you offer gift wrapping",
        "are your products sustainably made", "do you have a trade programme for designers",
        "is there a shop in {country} I can visit", "what are your customer care hours",
        "do you sell your products in any other shops", "can I see the sofa fabrics before buying",
        "is your cotton organic", "can I add a gift message to my order",
        "how can I leave a review of the {item}",
    ],
    "discount_code": [
        "my discount code doesn't work", "promo code not accepted",
        "do you have any discount codes",
        "can I apply a voucher after ordering", "the coupon says it has expired",
        "is there a student discount", "my welcome code is invalid", "how do I use a promo code",
        "can I get 10% off", "the sale price didn't apply at checkout",
        "when is your next sale", "do you price match",
    ],
    "invoice_request": [
        "can I have an invoice for {order}", "I need a VAT invoice",
        "send me a receipt for my order",
        "where can I download my invoice", "I need an invoice with my company name",
        "please email the receipt to {email}", "can you resend the order confirmation",
        "I need a proof of purchase for the {item}", "invoice for tax purposes",
        "the invoice has the wrong billing address", "can I get an itemised receipt",
    ],
    "update_account": [
        "how do I change my email address", "update my phone number",
        "change my name on the account",
        "I want to change my password", "update my saved address", "edit my account details",
        "remove my old card from my account", "change my email from {email}",
        "how do I update my communication preferences", "change my date of birth on my profile",
        "I got married and need to update my surname", "add a new delivery address to my profile",
    ],
    "close_account": [
        "close my account", "I want to delete my Lumen & Loom account",
        "how do I deactivate my account",
        "please remove my account", "I don't want an account with you any more",
        "cancel my membership and account", "shut down my customer account",
        "delete my profile", "unsubscribe me and close the account", "terminate my account",
    ],
    "warranty": [
        "is the {item} under warranty", "how long is the warranty on the {item}",
        "make a warranty claim", "the {item} broke after {days}, is it covered",
        "does the guarantee cover wear and tear", "what does the warranty include",
        "my {item} failed after six months, can you repair it", "do you offer extended warranty",
        "is there a guarantee on furniture", "who do I contact for a warranty repair",
    ],
    "greeting": [
        "hi", "hello", "hey there", "good morning", "good afternoon", "hiya", "hello?",
        "hi, anyone there?", "good evening", "hey", "hi there", "morning", "hello Lumen & Loom",
        "greetings", "yo", "hi team", "howdy", "hello, is this support?",
    ],
    "thanks": [
        "thank you", "thanks", "thanks a lot", "cheers", "that's great, thank you",
        "thank you so much for your help", "perfect, thanks", "brilliant, cheers",
        "thanks, that solved it", "much appreciated", "ok thanks bye", "thank you, have a nice day",
        "great help, thanks", "many thanks", "ty", "awesome thanks", "that's all, thank you",
    ],
}

PREFIXES = [
    "", "", "", "", "Hi, ", "Hello, ", "Hey, ", "Hi there! ", "Good morning. ", "Excuse me, ",
    "Sorry to bother you, ", "Quick question: ", "Hi, this is <PERSON_1>. ", "Please, ",
    "Ugh. ", "Hello again. ",
]
SUFFIXES = [
    "", "", "", "", " Thanks.", " Thank you!", " Please help.", " Cheers", " ASAP",
    " Regards, <PERSON_1>", " I'm waiting.", " Can you help?", " Thanks in advance",
]


def mash(rng: random.Random) -> str:
    """A keyboard mash: random letters, as people type to test a chat box."""
    return "".join(rng.choice("asdfghjklqwertyuiopzxcvbnm") for _ in range(rng.randint(3, 9)))


def fill(template: str, rng: random.Random) -> str:
    """Replace each {slot} with a random value for that slot."""

    def value(m: re.Match[str]) -> str:
        return mash(rng) if m.group(1) == "mash" else rng.choice(SLOTS[m.group(1)])

    return re.sub(r"\{(\w+)\}", value, template)


def typo(text: str, rng: random.Random) -> str:
    """Introduce one realistic typo (dropped, swapped or doubled letter) in a longer word."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) > 3 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    op = rng.choice(("drop", "swap", "double"))
    if op == "drop":
        w = w[:j] + w[j + 1 :]
    elif op == "swap":
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def variant(intent: str, rng: random.Random) -> str:
    """One paraphrase of an intent: template, slots, wrapper, casing, punctuation, typos."""
    text = fill(rng.choice(INTENTS[intent]), rng)
    if rng.random() < 0.5:
        text = text[0].upper() + text[1:]
    if not text.endswith(("?", "!", ".")) and rng.random() < 0.4:
        text += rng.choice(("?", ".", "!", "!!", "..."))
    if intent not in BARE:
        prefix, suffix = rng.choice(PREFIXES), rng.choice(SUFFIXES)
        if prefix:
            text = prefix + text[0].lower() + text[1:]
        text += suffix
    if rng.random() < 0.2:
        text = typo(text, rng)
    if rng.random() < 0.15:
        text = text.lower()
    return text


def generate(seed: int = SEED, per_intent: int = PER_INTENT) -> list[tuple[str, str]]:
    """All rows, per_intent unique texts per intent (fewer only if the templates run dry)."""
    rng = random.Random(seed)
    rows: list[tuple[str, str]] = []
    for intent in INTENTS:
        seen: set[str] = set()
        for _ in range(per_intent * 50):
            text = variant(intent, rng)
            if text.lower() not in seen:
                seen.add(text.lower())
                rows.append((text, intent))
            if len(seen) == per_intent:
                break
    return rows


def main() -> None:
    rows = generate()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(("text", "label"))
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows, {len(INTENTS)} intents -> {OUT}")


if __name__ == "__main__":
    main()
