#!/usr/bin/env python3
"""Build questions.jsonl for kbq5 (Lumen & Loom help centre eval set).

All questions are hand-written below. The script only assembles them,
assigns a seeded 40/60 dev/test split within each kind, and writes
questions.jsonl (+ internal_probes.json, a side list of the unanswerable
questions whose answer exists only in an INTERNAL page of the KB).
Standard library only. Deterministic (SEED below).
"""
import json
import os
import random

SEED = 20261204
HERE = os.path.dirname(os.path.abspath(__file__))

# (article_id, exact section heading, question)
ANSWERABLE = [
    # about-our-ai-assistant
    ("about-our-ai-assistant", "You are talking to an AI",
     "wait am i chatting w a bot or an actual person right now"),
    ("about-our-ai-assistant", "You are talking to an AI",
     "what's the little 'Why?' thing under each of your replies for? I clicked it by accident and it listed some articles"),
    ("about-our-ai-assistant", "What the assistant can and cannot do",
     "can the chatbot close my account itself or is that something a human has to do"),
    ("about-our-ai-assistant", "Your messages and the AI",
     "oops I just pasted my full card number into the chat. does the AI actually get to see that??"),
    ("about-our-ai-assistant", "Contesting an AI decision",
     "Your assistant told me my claim was rejected and I honestly think it got it wrong. Is there any way to challenge what it decided?"),

    # accessibility
    ("accessibility", "Our website",
     "Hi, I'm registered blind and use JAWS. Before I make an account, does your website actually work with screen readers and keyboard only? which accessibility standard do you aim for"),
    ("accessibility", "Our website",
     "i zoom my browser way in (like 300-400%) and a lot of sites break. will yours?"),
    ("accessibility", "Other ways to contact us",
     "my mum is 82 with macular degeneration, could her order confirmation and invoice be sent in big print instead of the tiny email?"),
    ("accessibility", "Help with deliveries",
     "I'm a wheelchair user and have a bookcase coming. Can the delivery people carry it to my bedroom and unpack it, and is there a charge for that?"),
    ("accessibility", "Product information",
     "do the product pages give the dimensions and materials as actual text? my screen reader can't read the pictures"),

    # bedding-size-guide (HTML)
    ("bedding-size-guide", "US sizes",
     "how big is a us qeen matress in inches"),
    ("bedding-size-guide", "US sizes",
     "whats the difference between a king and a california king, which one is longer"),
    ("bedding-size-guide", "UK sizes",
     "Moving from Manchester to Boston and bringing my UK king sheets - is a British king the same as an American king or will they not fit?"),
    ("bedding-size-guide", "UK sizes",
     "uk double bed dimensions in cm pls"),
    ("bedding-size-guide", "EU sizes",
     "which sizes do your duvet covers come in for europe? we have a 240 wide duvet"),
    ("bedding-size-guide", "Fitted sheet depth",
     "my mattress plus topper is about 40cm deep. will the normal fitted sheet stretch over it or do i need something else"),

    # bereavement-and-deceased-accounts
    ("bereavement-and-deceased-accounts", "Closing the account",
     "My father passed away in September and your newsletters keep arriving in his inbox, which is quite upsetting. What do you need from me to shut his account down?"),
    ("bereavement-and-deceased-accounts", "Open orders and refunds",
     "my wife died two weeks ago and she had an order that hasnt shipped. her card has been cancelled by the bank. how would you refund it?"),
    ("bereavement-and-deceased-accounts", "Gift card balances and rewards",
     "sorting out my late mums things. she had a lumen and loom gift card with about 80 quid left and a load of loom rewards points. can either be moved to me?"),
    ("bereavement-and-deceased-accounts", "Closing the account",
     "hello, I'm the executor for my aunt's estate. she had a gift card scheduled to go to my cousin next month - can that be stopped when her account is closed? what documents do you want"),

    # billing-questions-and-disputes
    ("billing-questions-and-disputes", "I was charged twice",
     "charged TWICE for LL-448120?? one of them says pending on my banking app"),
    ("billing-questions-and-disputes", "I was charged twice",
     "So I placed one order on the 3rd, and now ten days later my statement still shows two completed payments of €64.90, both for the same order. I already waited like you said. What do you need from me to sort this out?"),
    ("billing-questions-and-disputes", "I do not recognise a charge",
     "there's a charge on my card that says LUMENLOOM.COM and i dont remember buying anything. should i just call my bank"),
    ("billing-questions-and-disputes", "Invoices and VAT receipts",
     "need an invoice with our company name and vat number on it for expenses - order went through this morning. possible?"),
    ("billing-questions-and-disputes", "Invoices and VAT receipts",
     "where do i download an invoice for an old order"),
    ("billing-questions-and-disputes", "Chargebacks",
     "If I just raise a dispute with my card company instead of dealing with you, how long does that usually take to resolve?"),

    # cancelling-or-changing-an-order
    ("cancelling-or-changing-an-order", "Cancelling an order",
     "ordered the wrong lamp like 20 mins ago, can i cancel it myself online?"),
    ("cancelling-or-changing-an-order", "Cancelling an order",
     "my order already got shipped but i changed my mind, can you still cancel it"),
    ("cancelling-or-changing-an-order", "Refund after cancelling",
     "cancelled my order yesterday before it went out. when will i see the money back on my card"),
    ("cancelling-or-changing-an-order", "Changing the delivery address",
     "argh i just realised the order is going to my OLD flat. it hasn't been dispatched yet, can you change where it goes?"),
    ("cancelling-or-changing-an-order", "Changing the delivery address",
     "Parcel is already on its way but I'm going to be at my sister's all week. Can I get it sent there instead?"),
    ("cancelling-or-changing-an-order", "Changing items, size or colour",
     "can you swap the sage throw in my order for the rust one? same price. order was placed this morning"),

    # caring-for-bedding-and-linens
    ("caring-for-bedding-and-linens", "Washing cotton and linen sheets",
     "what temp do i wash the linnen sheets at, and is it ok to use fabric softner"),
    ("caring-for-bedding-and-linens", "Drying",
     "do your linen sheets need ironing? they come out of the dryer all crinkly"),
    ("caring-for-bedding-and-linens", "Shrinkage",
     "washed my new cotton duvet cover at 60 and now it seems a bit smaller... is that normal? how do i stop it shrinking"),
    ("caring-for-bedding-and-linens", "Duvets and pillows",
     "Can the duvet actually go in a washing machine or does it need dry cleaning? And how often should I wash it"),
    ("caring-for-bedding-and-linens", "Duvets and pillows",
     "someone told me to put tennis balls in the dryer with my pillows, is that a real thing"),

    # caring-for-rugs
    ("caring-for-rugs", "Regular cleaning",
     "how often shoud i hoover the rug and should the brush roller be on or off"),
    ("caring-for-rugs", "Spills and stains",
     "JUST SPILLED RED WINE ON THE WOOL RUG. hot water?? scrub it?? help"),
    ("caring-for-rugs", "Shedding",
     "The new wool rug is shedding fluff everywhere and there are a couple of loose threads sticking up. Is it faulty, and can I pull those threads out?"),
    ("caring-for-rugs", "Washable rugs",
     "what temp for the machine washable runner, and do I take the rubbery backing thing off first"),
    ("caring-for-rugs", "Rug pads",
     "do i really need a rug pad or is that just an upsell"),

    # caring-for-wooden-furniture
    ("caring-for-wooden-furniture", "Everyday care",
     "can i use pledge or some other spray polish on the oak sideboard"),
    ("caring-for-wooden-furniture", "Heat, light and humidity",
     "Since the heating came on, the drawers on my chest are sticking and there's a small gap in the tabletop. Is the furniture defective?"),
    ("caring-for-wooden-furniture", "Oiled wood",
     "how often do i need to re-oil the walnut dining table and with what"),
    ("caring-for-wooden-furniture", "Scratches and water marks",
     "my son scratched the oiled oak desk with a toy car. can i fix it myself"),
    ("caring-for-wooden-furniture", "Scratches and water marks",
     "theres a scratch on the lacquered dresser top, was going to sand it down - ok to do?"),

    # customs-duties-and-taxes
    ("customs-duties-and-taxes", "Orders between the UK and the EU",
     "I'm in Germany ordering from the EU site, will I have to pay anything extra when the parcel arrives?"),
    ("customs-duties-and-taxes", "Orders to the United States",
     "im in texas. will i get hit with import duties, and is sales tax added at the end?"),
    ("customs-duties-and-taxes", "If a carrier asks you for a customs fee",
     "DHL texted me asking for 23 euros customs fee before they'll deliver my Lumen & Loom order. Should I pay it??"),
    ("customs-duties-and-taxes", "If a carrier asks you for a customs fee",
     "i already paid the courier £18.40 import charges on the door to get my parcel. do i just lose that?"),

    # damaged-faulty-or-wrong-items
    ("damaged-faulty-or-wrong-items", "Report the problem",
     "mug arrived in peices :( what do i do and how long have i got to tell you"),
    ("damaged-faulty-or-wrong-items", "What we will do",
     "The vase I got is chipped (it was only £15). Do I have to post the broken one back to you?"),
    ("damaged-faulty-or-wrong-items", "What we will do",
     "you sent me the wrong colour cushion. i'd rather have my money back than a new one, is that allowed, and who pays the postage"),
    ("damaged-faulty-or-wrong-items", "Missing parts",
     "bed frame turned up missing 2 slats and the bag of bolts. how quick can u send them"),
    ("damaged-faulty-or-wrong-items", "Faults after 14 days",
     "got my kettle a month ago and it's just stopped working. it's past your 14 days for damaged stuff, am i out of luck?"),

    # discounts-and-price-adjustments
    ("discounts-and-price-adjustments", "Using a discount code",
     "can i use 2 discount codes on the same order"),
    ("discounts-and-price-adjustments", "Using a discount code",
     "Completely forgot to put my code in before I paid! Could you add it to the order now?"),
    ("discounts-and-price-adjustments", "My code does not work",
     "the code from your newsletter says invalid. i've ordered from you before if that matters"),
    ("discounts-and-price-adjustments", "My code does not work",
     "my friend in the US gave me her discount code but it won't work on the UK site, why?"),
    ("discounts-and-price-adjustments", "Price drops after you order",
     "bought the rattan lamp on Monday and today it's 20% cheaper. Annoying! can I get the diffrence back?"),
    ("discounts-and-price-adjustments", "Price matching",
     "wayfair has literally the same jute rug for $40 less, will you match their price"),

    # gift-cards
    ("gift-cards", "Buying a gift card",
     "what's the most i can put on a gift card in pounds? and can i set it to email on her birthday in march"),
    ("gift-cards", "Buying a gift card",
     "I bought a gift card on the US site for my brother who lives in Dublin. Can he use it on the EU shop?"),
    ("gift-cards", "Using a gift card",
     "where do i put the gift card pin? only see a box for the code"),
    ("gift-cards", "Using a gift card",
     "can I use my gift card to buy another gift card for my sister"),
    ("gift-cards", "Checking your balance",
     "how do I see how much is left on my gift card"),
    ("gift-cards", "Expiry and lost cards",
     "Found a Lumen & Loom gift card from 2023 in a drawer - does it expire?"),
    ("gift-cards", "Expiry and lost cards",
     "deleted the email with my gift card code by accident. my husband bought it sometime in july. can you resend?"),

    # kitchenware-care
    ("kitchenware-care", "Dishwasher",
     "are the stoneware mugs ok in the dishwasher? and microwave?"),
    ("kitchenware-care", "Dishwasher",
     "can the acacia chopping board go in the dishwasher or nah"),
    ("kitchenware-care", "Oven and hob",
     "Just got an induction hob. Will my copper pans from you work on it, and what about the enamel casserole?"),
    ("kitchenware-care", "Oven and hob",
     "what's the max oven temperature for the enamelled cast iron pot"),
    ("kitchenware-care", "Cast iron seasoning",
     "my cast iron skillet is going rusty already, how am i supposed to look after it"),
    ("kitchenware-care", "Non-stick pans",
     "I scratched the non-stick frying pan with a metal spatula. Is that something your warranty covers?"),
    ("kitchenware-care", "Knives",
     "how should i store the chef knife, is a drawer fine"),

    # lamps-and-lighting
    ("lamps-and-lighting", "Which bulb to use",
     "what bulb does the ceramic table lamp take in the uk? bayonet or screw"),
    ("lamps-and-lighting", "Plugs and voltage",
     "We're relocating from Chicago to London. Can I just use my Lumen & Loom floor lamp with a plug adapter over there?"),
    ("lamps-and-lighting", "Dimmers and smart bulbs",
     "will philips hue smart bulbs work in your lamps"),
    ("lamps-and-lighting", "Flickering or not working",
     "my bedside lamp keeps flickering, ive tightened the bulb. should i open up the base and check the wiring?"),
    ("lamps-and-lighting", "Cleaning lamp shades",
     "how do I clean a dusty linen lampshade? can I wipe it with a wet cloth"),

    # large-item-delivery-and-assembly
    ("large-item-delivery-and-assembly", "Freight delivery",
     "If I order a sofa and a bed together in the UK, do I pay the freight delivery charge twice?"),
    ("large-item-delivery-and-assembly", "Booking a delivery slot",
     "my sofa got dispatched yesterday, when will someone contact me to arrange a delivery day? and how long is the slot"),
    ("large-item-delivery-and-assembly", "Booking a delivery slot",
     "my 16 year old will be home for the wardrobe delivery while I'm at work, is that ok?"),
    ("large-item-delivery-and-assembly", "Room of choice and packaging removal",
     "i'm on the 5th floor and theres no lift. will your guys still carry the sofa up?"),
    ("large-item-delivery-and-assembly", "Assembly",
     "Do you put the wardrobe together for me? how much does that cost in euros"),
    ("large-item-delivery-and-assembly", "Measuring before you order",
     "worried the sofa won't fit round our narrow stairs, where can I find how big the box is"),

    # loom-rewards
    ("loom-rewards", "Joining",
     "just signed up for loom rewards, can i get points for the order i placed last week?"),
    ("loom-rewards", "Earning points",
     "do i earn points on delivery charges to or just the prodcuts"),
    ("loom-rewards", "Earning points",
     "Is there anything I get on my birthday as a rewards member?"),
    ("loom-rewards", "Spending points",
     "how many points do i need for a fiver off, and can i just cash them out instead"),
    ("loom-rewards", "Tiers",
     "how do you get gold status and what does it actually give you"),
    ("loom-rewards", "Points expiry and returns",
     "do my points expire? also if i send something back do i lose the points from it"),

    # managing-your-account
    ("managing-your-account", "Changing your name, email or phone number",
     "changed my email in settings an hour ago but it still shows the old one?"),
    ("managing-your-account", "Saved addresses",
     "how many delivery addresses can I save? I send a lot of gifts"),
    ("managing-your-account", "Saved addresses",
     "I updated my saved address, will the order I placed yesterday go to the new one now?"),
    ("managing-your-account", "Saved cards",
     "how do i remove an old card thats saved on my acount"),
    ("managing-your-account", "Email and marketing preferences",
     "want to stop the promo emails but i still need to know when my stuff ships, is that possible"),
    ("managing-your-account", "Closing your account",
     "if I close my account what happens to my reward points and my saved cards?"),

    # missing-or-delayed-parcel
    ("missing-or-delayed-parcel", "My parcel says delivered but I cannot find it",
     "tracking says delivered at 11:02 but there's nothing here, checked with the neighbours and the bin store. what now"),
    ("missing-or-delayed-parcel", "My parcel is late",
     "My order was supposed to arrive by last Tuesday at the latest. It's now Monday and nothing. When should I contact you and what happens if it's lost?"),
    ("missing-or-delayed-parcel", "Replacement or refund for a lost parcel",
     "the carrier says they lost my parcel. if the item is sold out now do i get the shipping back too?"),
    ("missing-or-delayed-parcel", "Replacement or refund for a lost parcel",
     "courier confirmed my box is lost. how will the replacement be sent, standard again?"),

    # payment-methods
    ("payment-methods", "What you can pay with",
     "do you take amex? and is cash on delivary an option"),
    ("payment-methods", "What you can pay with",
     "Can I pay with bitcoin?"),
    ("payment-methods", "Paying in instalments with Klarna",
     "is there a way to split the payment for a bed into instalments, and will it affect my credit score"),
    ("payment-methods", "Currency",
     "I'm in Ireland — will I be charged in euros, and do you add a conversion fee?"),
    ("payment-methods", "When you are charged",
     "when does the money actually leave my account, when i order or when it ships?"),
    ("payment-methods", "Payment declined",
     "card keeps getting declined at checkout even though theres money on it. tried 3 times"),

    # privacy-and-your-data
    ("privacy-and-your-data", "Getting a copy of your data",
     "I'd like to make a subject access request - how do I get a copy of all the personal data you hold on me, and how long does it take?"),
    ("privacy-and-your-data", "Deleting your data",
     "delete everything you have on me. do you keep my order history after that?"),
    ("privacy-and-your-data", "Correcting your data",
     "you've got my surname spelled wrong on my profile, can that be fixed"),
    ("privacy-and-your-data", "Opting out of AI",
     "i dont want any AI reading my messages ever. can i turn that off permanently?"),
    ("privacy-and-your-data", "Cookies and tracking",
     "I accepted all cookies by mistake. where do I change that?"),
    ("privacy-and-your-data", "Contacting our data protection officer",
     "who is your data protection officer and how do i write to them"),

    # product-warranty
    ("product-warranty", "How long the warranty lasts",
     "how long is the warranty on a sofa frame vs the rest of the sofa"),
    ("product-warranty", "How long the warranty lasts",
     "the bulb that came with my lamp died after 14 months, still under warranty?"),
    ("product-warranty", "What the warranty does not cover",
     "My dog chewed the leg of the dining chair, and the cushion has faded by the window. Would either be covered under warranty?"),
    ("product-warranty", "Making a warranty claim",
     "i threw out the box ages ago, can i still make a warranty claim? what do you need from me"),
    ("product-warranty", "Your legal rights",
     "does your warranty replace my statutory rights or is it on top of them"),

    # refunds
    ("refunds", "How you are refunded",
     "Sent from my iPhone\n\nhi the card i paid with has expired since, can you refund to my new card or straight to my bank account instead"),
    ("refunds", "How you are refunded",
     "paid half with a gift card and half with visa, how does the refund work"),
    ("refunds", "Refund timing",
     "my return was delivered to you on the 2nd. when will i actually see the refund"),
    ("refunds", "Partial refunds",
     "Returned one cushion out of my order of four and the original delivery cost wasn't refunded. Why not?"),
    ("refunds", "Refunds for Klarna and PayPal payments",
     "Hi there,\n\nBack in October I bought a dining table and four chairs and split it over 3 payments with Klarna. The table was the wrong shade of oak for our floor so I sent the whole lot back and you confirmed you received it. The next Klarna payment is due on Friday. Do I still have to keep paying the instalments?\n\nThanks,\nDev"),

    # returns-policy
    ("returns-policy", "How long you have to return an item",
     "Bought a throw on 28 November as a Christmas present. If my sister doesn't like it, how long do I have to send it back?"),
    ("returns-policy", "Items that cannot be returned",
     "took the pillows out of the plastic and they're too firm, can i still return them"),
    ("returns-policy", "Items that cannot be returned",
     "can i return the monogrammed towels? spelling is right but i just don't like the font"),
    ("returns-policy", "How to start a return",
     "how do i start a return and do i get a label or do i have to pay the post office"),
    ("returns-policy", "Return shipping costs",
     "how much does it cost to return something in the us? i'm in oregon"),
    ("returns-policy", "Exchanges",
     "can I exchange the curtains for a longer drop instead of returning them?"),

    # shipping-times-and-costs
    ("shipping-times-and-costs", "United States",
     "how much is shipping to ohio, and whats the free shipping minimum"),
    ("shipping-times-and-costs", "United States",
     "Can I get express shipping to Honolulu?"),
    ("shipping-times-and-costs", "United Kingdom",
     "whats the cut off for next day delivery in the uk and how much"),
    ("shipping-times-and-costs", "European Union",
     "how long does standard delivery take to spain and when is it free"),
    ("shipping-times-and-costs", "Large items",
     "my basket is a sofa for £900, so that's free delivery over £60 right?"),

    # signing-in-and-password-reset
    ("signing-in-and-password-reset", "Resetting your password",
     "clicked the password reset link this morning and now it says expired. how long are they good for"),
    ("signing-in-and-password-reset", "Account locked",
     "it says my account is locked after i tried my password a bunch of times. how long till i can get back in"),
    ("signing-in-and-password-reset", "Two-step verification",
     "can I turn on 2FA for my account? where is it"),
    ("signing-in-and-password-reset", "You no longer have access to your email address",
     "I left my old job in the summer and completely forgot my Lumen & Loom account was under that work email. IT has shut the mailbox down, so I can't receive password resets and I've got two orders in there I'd like to see. How do I get back in?"),
    ("signing-in-and-password-reset", "Guest checkout",
     "checked out as guest, can i still track it? and can i make an account later and see the order"),

    # talking-to-a-person
    ("talking-to-a-person", "Ask for a human at any time",
     "i want to speak to a real person please. will i have to explain everything again??"),
    ("talking-to-a-person", "Opening hours",
     "are you guys open on saturdys? what time til"),
    ("talking-to-a-person", "Opening hours",
     "It's 10pm here and I need help - is anyone there, or when will I hear back?"),
    ("talking-to-a-person", "Phone numbers",
     "what's your UK phone number and is it free to call"),
    ("talking-to-a-person", "Email and response times",
     "whats your email address and how fast do you normally reply"),
    ("talking-to-a-person", "Complaints",
     "> Thank you for contacting Lumen & Loom care. We consider this case closed.\n\nwell I don't. The person I spoke to on Tuesday was really unhelpful and just closed my case. How do I escalate this?\n\nRegards,\nMargaret Oduya"),

    # tracking-your-order
    ("tracking-your-order", "Where to find your tracking number",
     "where do i find my tracking number? LL-552019 doesn't work on the courier site"),
    ("tracking-your-order", "Order status explained",
     "my order has said 'processing' for a day, what does that mean exactly. and whats the difference with dispatched"),
    ("tracking-your-order", "Tracking has not updated",
     "Tracking hasn't moved in a week, still says in transit at the depot. Should I be worried?"),
    ("tracking-your-order", "Orders with several parcels",
     "only half my order turned up and the tracking says delivered?? i ordered 6 things"),

    # faq.csv (section = exact FAQ question)
    ("faq", "Do you have physical stores or showrooms?",
     "is there a shop in london where i can see the sofas in person before buying"),
    ("faq", "Can I order fabric swatches?",
     "can I get samples of the sofa fabric before I decide? how many and do I pay for them"),
    ("faq", "Do you offer gift wrapping?",
     "can you gift wrap it and leave the price off? it's going straight to my mother in law"),
    ("faq", "Do you deliver to PO boxes or parcel lockers?",
     "can i get my order sent to an inpost locker? I'm in the UK"),
    ("faq", "Do you deliver to PO boxes or parcel lockers?",
     "I only have a PO box in rural Montana, can you ship a dresser there?"),
    ("faq", "Do you have a trade or business programme?",
     "I'm an interior designer furnishing a few Airbnbs. Do you offer any kind of trade discount?"),
    ("faq", "Do you offer a student discount?",
     "student discount? and can i stack it with my welcome code"),
    ("faq", "Are your products sustainably made?",
     "is your wood fsc? and is there plastic in the packaging"),
    ("faq", "Can I place an order over the phone?",
     "my grandad doesn't use computers, could he ring up and order over the phone? he won't want to read his card number out"),
]

# Questions about this shop that the PUBLIC help centre does not answer.
# Items tagged "internal:<id>|<section>" are answered only in an internal
# (visibility: internal) page; they are recorded in internal_probes.json.
UNANSWERABLE = [
    ("", "do you have an app? iphone"),
    ("", "when does your black friday sale start this year?"),
    ("", "what's the thread count on the percale sheet set"),
    ("", "Are you hiring at the Leicester warehouse? my son is looking for work"),
    ("", "can i pick up my order from the rotterdam warehouse myself to save on delivery"),
    ("", "do you do a wedding gift registry / wedding list"),
    ("", "when will the Linnea rug in 160x230 be back in stock?"),
    ("", "which courier do you use in the UK, royal mail or DPD? i want to know if i need to be in"),
    ("", "Do you sell mattresses? Only seeing toppers"),
    ("", "can i get a printed catalogue sent to me"),
    ("", "where's your head office and who actually owns the company"),
    ("", "do you do an nhs / key worker discount"),
    ("", "are your candles soy or paraffin"),
    ("", "can you engrave a name on the oak chopping board? it's a wedding present"),
    ("", "how many people does the extending dining table seat when it's fully pulled out"),
    ("", "do you have an affiliate or influencer programme? I run a home decor instagram with 40k followers"),
    ("", "can i get the sofa with black legs instead of the oak ones shown in the photos"),
    ("", "what's the max weight each shelf on the walnut bookcase can hold"),
    ("", "will your delivery team take away my old sofa when they bring the new one"),
    ("", "Are your rugs ok to use on top of underfloor heating?"),
    ("", "is the stoneware glaze lead free? want to use it for my toddler"),
    ("", "how much off do you get for signing up to the newsletter, 10%?"),
    ("", "can i pre-order the velvet armchair thats sold out"),
    ("", "Do you do furniture rental or try-at-home for a week?"),
    ("", "do you make cot bed size duvet covers for a toddler bed"),
    ("", "is the wool in your rugs mulesing-free?"),
    ("", "how long is the lead time on made-to-order sofas? need one before we host at the end of the month"),
    ("", "do you sell garden furniture or anything for outdoors"),
    ("", "can my parcel be delivered on a sunday"),
    ("", "can your assembly guys hang a big mirror on the wall for me"),
    ("", "how do i become a supplier? we're a small pottery studio and would love to sell with you"),
    ("", "Ist die Website auch auf Deutsch verfügbar? is there a german version of the site"),
    ("", "what time of day does next day delivery usually turn up, morning or afternoon?"),
    ("", "can i write a product review if i got the item as a gift and didnt buy it"),
    ("", "is the oak in your furniture grown in europe or imported from further away?"),
    ("", "do you offset the carbon from shipping"),
    ("", "can i buy just a replacement shade for my floor lamp, the old one got torn"),
    ("", "Who's your CEO? want to email them directly about a complaint"),
    ("", "how can i track the return parcel i sent back? want to be sure you got it"),
    ("", "what size rug should i get for a 3.5 x 4m living room with a 3 seater"),
    ("", "is the boucle sofa ok with cats or will they wreck it"),
    ("", "Hello! I ordered a couple of cushion covers and a throw last night. Our building has no concierge and parcels left in the hallway tend to walk off, and I'm away at a conference on Thursday and Friday. can i pick which day a normal small parcel gets delivered?\n\n-- \nSent from Outlook for Android"),
    ("", "Do your towels come in a hotel-style 700gsm weight?"),
    ("", "hey is there a refer-a-friend bonus? my whole book club wants to order"),
    ("internal:agent-playbook-refunds-and-goodwill|Goodwill credits",
     "my delivery was a week late and i had to take another day off work. do you give any compensation voucher for that?"),
    ("internal:agent-playbook-refunds-and-goodwill|Refund approval limits",
     "how much can your customer service reps refund without asking a manager? my order was £300"),
    ("internal:agent-playbook-refunds-and-goodwill|Suspected abuse",
     "Unlucky me, this is the fifth parcel in a few months that arrived damaged. Is there a limit on how many damaged-item claims I can make?"),
    ("internal:fraud-checks|What to tell the customer",
     "your email says my order needs a security check. how long does that take before it ships??"),
    ("internal:fraud-checks|Signals that hold an order",
     "why exactly was my order flagged? is it because my card is from the US but I'm sending it to my daughter in Paris?"),
    ("internal:fraud-checks|Verifying a held order",
     "someone called saying they're from lumen & loom to verify my order and asked for my card digits - is that really you? which number do you call from"),
]

OFF_TOPIC = [
    # banking
    "how do i dispute a transaction with barclays, they charged me for something i didnt buy",
    "What's the current interest rate on a Chase savings account?",
    "my monzo card got frozen after i bought something abroad, how do i unfreeze it",
    "can i increase my credit card limit online with amex",
    "how long does a SEPA bank transfer take from ING to Revolut",
    # telecom
    "my vodafone bill is £20 higher than last month, why",
    "how do i unlock my iphone from at&t so i can use another sim",
    "Is there 5G coverage in rural Cornwall on EE?",
    "verizon says my data is throttled. how do i check my usage",
    "how to port my number from o2 to giffgaff",
    # travel
    "my ryanair flight got cancelled, am i entitled to compensation under EU261?",
    "how early should i get to heathrow terminal 5 for an international flight",
    "Can I bring a power bank in my checked luggage?",
    "do i need a visa to visit japan on a uk passport",
    "best way to get from schiphol to amsterdam centraal at night",
    "booking.com charged my card but the hotel says they have no reservation. what do i do",
    # health
    "is it ok to take ibuprofen and paracetamol together",
    "how many hours of sleep does a 4 year old need",
    "I've had a cough for three weeks, should I see a doctor?",
    "whats a normal resting heart rate for a 40 year old woman",
    # coding
    "how do i reverse a list in python without using reverse()",
    "git says 'detached HEAD' what did i do wrong",
    "Why does my React useEffect run twice in development?",
    "write me a SQL query to get the second highest salary",
    "npm ERR! code ERESOLVE unable to resolve dependency tree - how to fix",
    # other retailers
    "what's ikea's return policy on opened mattresses",
    "where is my amazon package, it says arriving today but it's 9pm",
    "does wayfair do price adjustments if something goes on sale",
    "How do I reset my John Lewis account password?",
    "Is the Zara Home sale on yet?",
    "my argos click and collect order isnt ready, how long do they keep it",
    "can i return something bought at h&m home to a normal h&m store",
    "what time does costco open on sundays",
    "etsy seller hasnt shipped my order in 3 weeks, how do i get a refund",
    # small talk / general
    "hi how are you today",
    "tell me a joke",
    "whats the wether like in rotterdam tomorow",
    "whos going to win the premier league this year",
    "are you chatgpt?",
    "what's the capital of australia",
    "can you recommend a good book for a long flight",
    "thanks, bye!",
    # other domains / tasks
    "how do I get a red wine stain out of a car seat",
    "how do i file my self assessment tax return, deadline is january right?",
    "recipe for a quick vegetarian lasagne please",
    "how much should i tip a moving company in the US",
    "can you help me write a cover letter for a marketing job",
    "my landlord won't fix the boiler, what are my rights in england",
    "what paint colour goes with a dark green sofa",
    "how to get my deposit back from airbnb host",
]


def main():
    assert len(ANSWERABLE) == 160, len(ANSWERABLE)
    assert len(UNANSWERABLE) == 50, len(UNANSWERABLE)
    assert len(OFF_TOPIC) == 50, len(OFF_TOPIC)

    rng = random.Random(SEED)
    rows = []
    probes = []

    def split_list(n):
        idx = list(range(n))
        rng.shuffle(idx)
        n_dev = round(n * 0.4)
        dev = set(idx[:n_dev])
        return ["dev" if i in dev else "test" for i in range(n)]

    sp = split_list(len(ANSWERABLE))
    for (aid, sec, q), s in zip(ANSWERABLE, sp):
        rows.append({"question": q, "article_id": aid, "section": sec,
                     "kind": "answerable", "split": s})
    sp = split_list(len(UNANSWERABLE))
    for (tag, q), s in zip(UNANSWERABLE, sp):
        rows.append({"question": q, "article_id": "", "section": "",
                     "kind": "unanswerable_on_topic", "split": s})
        if tag.startswith("internal:"):
            aid, sec = tag[len("internal:"):].split("|", 1)
            probes.append({"question": q, "internal_article_id": aid,
                           "internal_section": sec, "split": s})
    sp = split_list(len(OFF_TOPIC))
    for q, s in zip(OFF_TOPIC, sp):
        rows.append({"question": q, "article_id": "", "section": "",
                     "kind": "off_topic", "split": s})

    with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "internal_probes.json"), "w", encoding="utf-8") as f:
        json.dump(probes, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote", len(rows), "rows;", len(probes), "internal probes")


if __name__ == "__main__":
    main()
