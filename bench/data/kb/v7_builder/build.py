#!/usr/bin/env python3
"""Build kbq7 questions.jsonl: hand-written customer questions for the Lumen & Loom help centre.

Standard library only. random.Random(20261208) is used only for shuffling and split assignment.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "questions.jsonl")
SEED = 20261208

# (article_id, section, [questions...])  -- all written by hand
ANSWERABLE = [
    # about-our-ai-assistant
    ("about-our-ai-assistant", "You are talking to an AI", [
        "am i chatting with a bot right now or a real person??",
        "how can I tell which replies in the chat were written by a machine, and is there a way to see where it got its answer from",
    ]),
    ("about-our-ai-assistant", "What the assistant can and cannot do", [
        "can ur chatbot actually refund me a big amount or close my account by itself or does a human have to do that",
    ]),
    ("about-our-ai-assistant", "Your messages and the AI", [
        "I'm a bit nervous typing my card number in here. does the bot get to see my email and phone number when I write to you?",
    ]),
    ("about-our-ai-assistant", "Contesting an AI decision", [
        "the assistant turned down my request and i think it got it wrong. how do i challenge what it decided?",
    ]),
    # accessibility
    ("accessibility", "Our website", [
        "I use a screen reader and one of your product pages is impossible to navigate. Who should I tell and what info do you need from me?",
    ]),
    ("accessibility", "Other ways to contact us", [
        "im deaf and cant really do phone calls, chat also tires me out. is there another way to reach you, and could my invoices come in big print?",
    ]),
    ("accessibility", "Help with deliveries", [
        "My mum is 84 and uses a walker. If she orders an armchair can the delivery people carry it to her living room and take it out of the box, and does that cost more?",
    ]),
    ("accessibility", "Product information", [
        "are the measurements and materials written out as text on the product pages? my magnifier software can't read images",
    ]),
    # bedding-size-guide (HTML)
    ("bedding-size-guide", "US sizes", [
        "how big is a queen in inches? trying to figure out if your queen sheets fit my bed",
        "whats the difference between a king and a california king, dimension-wise",
    ]),
    ("bedding-size-guide", "UK sizes", [
        "I'm in London and bought a king sheet from an american site before and it was huge. Is a UK king the same as a US one, and what are the cm?",
    ]),
    ("bedding-size-guide", "EU sizes", [
        "what sizes do your EU duvet covers come in? i have a 160 wide mattress in germany",
    ]),
    ("bedding-size-guide", "Fitted sheet depth", [
        "my mattress is 40cm deep with a topper on it, will the normal fitted sheet go over it or do i need something else",
    ]),
    # bereavement-and-deceased-accounts
    ("bereavement-and-deceased-accounts", "Closing the account", [
        "My father passed away last month and he keeps getting your newsletters. What do I need to send you to shut his account down?",
    ]),
    ("bereavement-and-deceased-accounts", "Open orders and refunds", [
        "my husband died and he had an order LL-584210 that hasnt shipped yet. his card is cancelled now. can the money come back to me somehow?",
    ]),
    ("bereavement-and-deceased-accounts", "Gift card balances and rewards", [
        "sorting out my late sister's things - she had a gift card with money left on it and lots of loyalty points. can either of those be moved to me?",
    ]),
    # billing-questions-and-disputes
    ("billing-questions-and-disputes", "I was charged twice", [
        "charged twice for order LL-330917!!! why",
        "I was wondering whether the second payment on my banking app is a mistake. I only placed one order on Friday but I see two amounts from you, one says pending. Do I need to do anything?",
        "double charge on my card, how long before the extra one goes away",
    ]),
    ("billing-questions-and-disputes", "I do not recognise a charge", [
        "there's a charge called LUMENLOOM.COM on my statement and I dont remember buying anything. should I call my bank?",
    ]),
    ("billing-questions-and-disputes", "Invoices and VAT receipts", [
        "I need a VAT invoice with my company's name on it for my accountant, order LL-771045. where do i get it and can you add the company details?",
    ]),
    ("billing-questions-and-disputes", "Chargebacks", [
        "if i just do a chargeback with my bank how long will that take compared with sorting it out with you",
    ]),
    # cancelling-or-changing-an-order
    ("cancelling-or-changing-an-order", "Cancelling an order", [
        "cancel order pls. placed it like 20 mins ago",
        "I placed an order yesterday evening, LL-402277, and now realise I ordered the wrong colour entirely and my partner already bought the same lamp. Can I still cancel it or is it too late? The site doesn't show a cancel button anymore.",
        "how do i cancel somthing i ordered by mistake",
        "is it possible to cancel after it's been shipped?",
    ]),
    ("cancelling-or-changing-an-order", "Refund after cancelling", [
        "I cancelled before it shipped, when do I see the money back on my card?",
    ]),
    ("cancelling-or-changing-an-order", "Changing the delivery address", [
        "typo in my address on LL-229381, the house number is wrong!! can you fix it before it goes out",
        "I moved flats last week and my order was already sent to the old place. Can I change where it goes now?",
    ]),
    ("cancelling-or-changing-an-order", "Changing items, size or colour", [
        "can you swap the double duvet cover in my order for a king one? order LL-118402",
    ]),
    # caring-for-bedding-and-linens
    ("caring-for-bedding-and-linens", "Washing cotton and linen sheets", [
        "what temp should i wash my new linen sheets at and is fabric conditioner ok to use?",
    ]),
    ("caring-for-bedding-and-linens", "Drying", [
        "can your sheets go in the tumble dryer? and do I have to iron the linen ones, they look wrinkly",
    ]),
    ("caring-for-bedding-and-linens", "Shrinkage", [
        "will the cotton pillowcases get smaller after washing? I hate when that happens",
    ]),
    ("caring-for-bedding-and-linens", "Duvets and pillows", [
        "how often should a duvet be washed and at what temp? someone told me to throw tennis balls in the dryer lol is that real",
    ]),
    # caring-for-rugs
    ("caring-for-rugs", "Regular cleaning", [
        "is it ok to hoover my new rug with the rotating brush on?",
    ]),
    ("caring-for-rugs", "Spills and stains", [
        "my toddler spilled juice on the wool rug, what do I do? can I use my steam cleaner on it",
    ]),
    ("caring-for-rugs", "Shedding", [
        "the wool rug i got is leaving fluff everywhere and some threads stick out. is it faulty? should i pull them out",
    ]),
    ("caring-for-rugs", "Washable rugs", [
        "how do I wash the machine washable runner, what temperature? does the grippy backing go in too",
    ]),
    ("caring-for-rugs", "Rug pads", [
        "do I really need a rug pad or is that just an upsell",
    ]),
    # caring-for-wooden-furniture
    ("caring-for-wooden-furniture", "Everyday care", [
        "what can I clean my oak sideboard with? is pledge spray ok",
    ]),
    ("caring-for-wooden-furniture", "Heat, light and humidity", [
        "the drawers of my chest have gone stiff since winter and there's a tiny gap in the top. is something wrong with it?",
    ]),
    ("caring-for-wooden-furniture", "Oiled wood", [
        "how often does the oiled walnut table need re-oiling, and what kind of oil should I buy",
    ]),
    ("caring-for-wooden-furniture", "Scratches and water marks", [
        "my kid scratched our dining table. it's the oiled one - can I sand it myself or will that ruin it?",
    ]),
    # customs-duties-and-taxes
    ("customs-duties-and-taxes", "Orders between the UK and the EU", [
        "I live in France post-brexit, will I get hit with customs charges when my order comes?",
    ]),
    ("customs-duties-and-taxes", "Orders to the United States", [
        "ordering to texas - any import duty? and when is sales tax added",
    ]),
    ("customs-duties-and-taxes", "If a carrier asks you for a customs fee", [
        "DHL just texted me asking for 23 euros import fee before they deliver LL-650019. do I pay it??",
        "I already paid a customs charge to the courier on my last delivery, can i get that back from you",
    ]),
    # damaged-faulty-or-wrong-items
    ("damaged-faulty-or-wrong-items", "Report the problem", [
        "my vase arrived smashed. how do i report it",
        "Hi, so my order LL-947163 came this morning and the box looked fine but when I opened it the mirror inside had a big crack across the corner. I was wondering how long I have to tell you about this, I'm away for the weekend and won't be able to take pictures until Monday.",
        "received the wrong item, i ordered a grey throw and got a mustard one. what now",
    ]),
    ("damaged-faulty-or-wrong-items", "What we will do", [
        "the mug I got is chipped, do I have to post it back to you before you send a new one? also who pays for the postage",
    ]),
    ("damaged-faulty-or-wrong-items", "Missing parts", [
        "bed frame arrived but theres no screws for the slats. how long for the missing bits to get here",
    ]),
    ("damaged-faulty-or-wrong-items", "Faults after 14 days", [
        "the toaster worked fine for 3 weeks and now it's dead. is it too late to report a faulty item?",
    ]),
    # discounts-and-price-adjustments
    ("discounts-and-price-adjustments", "Using a discount code", [
        "i forgot to put in my promo code when i checked out yesterday, can you apply it now? also can i use 2 codes at once next time",
    ]),
    ("discounts-and-price-adjustments", "My code does not work", [
        "code not working. says invalid. got it from the newsletter",
        "my friend in the US gave me her discount code but it won't go through on the UK site, why?",
    ]),
    ("discounts-and-price-adjustments", "Price drops after you order", [
        "I bought a sofa on the 2nd and now it's 100 pounds cheaper!! can I get the difference back?",
    ]),
    ("discounts-and-price-adjustments", "Price matching", [
        "john lewis has the same rug for less, will you match their price?",
    ]),
    # gift-cards
    ("gift-cards", "Buying a gift card", [
        "whats the most i can put on a gift card in euros, and can i set it to arrive on my brother's birthday in 3 months",
    ]),
    ("gift-cards", "Using a gift card", [
        "where do I type the gift card number at checkout, and if it doesn't cover everything can I pay the rest by card?",
    ]),
    ("gift-cards", "Checking your balance", [
        "how much is left on my gift card",
    ]),
    ("gift-cards", "Expiry and lost cards", [
        "my aunt gave me a gift card for christmas 2 years ago and I deleted the email by accident. is it still valid and can you send the code again?",
    ]),
    # kitchenware-care
    ("kitchenware-care", "Dishwasher", [
        "can the stoneware bowls go in the dishwasher? what about the wooden chopping board",
    ]),
    ("kitchenware-care", "Oven and hob", [
        "will the copper pan work on my induction hob? and how hot can the enamel casserole go in the oven",
    ]),
    ("kitchenware-care", "Cast iron seasoning", [
        "my new cast iron skillet - do i need to season it first? and how do i stop it going rusty",
    ]),
    ("kitchenware-care", "Non-stick pans", [
        "there are scratches in my non stick pan after a month, i used a metal spatula. is that covered under warranty?",
    ]),
    ("kitchenware-care", "Knives", [
        "best way to keep the chef knife sharp and where should I keep it?",
    ]),
    # lamps-and-lighting
    ("lamps-and-lighting", "Which bulb to use", [
        "what bulb does the ceramic table lamp need? I'm in the UK and the box didnt say",
    ]),
    ("lamps-and-lighting", "Plugs and voltage", [
        "I'm moving from New York to Manchester, can I take my lamp from you and just use a plug adaptor?",
    ]),
    ("lamps-and-lighting", "Dimmers and smart bulbs", [
        "will a smart bulb work in the arc floor lamp? and can i put it on a dimmer",
    ]),
    ("lamps-and-lighting", "Flickering or not working", [
        "lamp keeps flickering even with a new bulb. should i open the base and check the wiring?",
    ]),
    ("lamps-and-lighting", "Cleaning lamp shades", [
        "how do I get dust off a linen lamp shade? can I wipe it with a wet cloth",
    ]),
    # large-item-delivery-and-assembly
    ("large-item-delivery-and-assembly", "Freight delivery", [
        "how much is delivery for a sofa in the uk? i'm also getting a bed, do i pay twice?",
    ]),
    ("large-item-delivery-and-assembly", "Booking a delivery slot", [
        "my wardrobe was dispatched but nobody has told me when it's coming. how do they arrange the date? my 16 year old will be home, is that ok?",
    ]),
    ("large-item-delivery-and-assembly", "Room of choice and packaging removal", [
        "I live on the 5th floor, no lift. Will the delivery guys carry my sofa up and take all the cardboard away?",
    ]),
    ("large-item-delivery-and-assembly", "Assembly", [
        "can someone build the wardrobe for me? how much does that cost",
    ]),
    ("large-item-delivery-and-assembly", "Measuring before you order", [
        "worried the sofa won't get through my narrow hallway, where can I find the size of the box it comes in?",
    ]),
    # loom-rewards
    ("loom-rewards", "Joining", [
        "how do I sign up for the loyalty thing? and will my order from last week count",
    ]),
    ("loom-rewards", "Earning points", [
        "do i get points on delivery charges? how many points per pound",
    ]),
    ("loom-rewards", "Spending points", [
        "I have 1200 points, what are they worth? can I cash them out",
    ]),
    ("loom-rewards", "Tiers", [
        "how do i get gold status and what do I actually get for it",
    ]),
    ("loom-rewards", "Points expiry and returns", [
        "do rewards points run out? and what happens to my points if I send something back",
    ]),
    # managing-your-account
    ("managing-your-account", "Changing your name, email or phone number", [
        "changed my email in settings but its still showing the old one?",
    ]),
    ("managing-your-account", "Saved addresses", [
        "I updated my address book but will my existing order LL-302588 go to the new address now?",
    ]),
    ("managing-your-account", "Saved cards", [
        "how do i delete an old card from my account? do you keep the full number?",
    ]),
    ("managing-your-account", "Email and marketing preferences", [
        "too many promo emails, how do i stop them. I still want my order updates though",
    ]),
    ("managing-your-account", "Closing your account", [
        "i want to delete my account completly. what happens to my points if I do",
    ]),
    # missing-or-delayed-parcel
    ("missing-or-delayed-parcel", "My parcel says delivered but I cannot find it", [
        "tracking says delivered but theres nothing here",
        "So the app said my parcel LL-815530 was delivered at 11am yesterday, I was working from home all day and nobody knocked, I checked with both neighbours and the bin store. It's a birthday present so I'm a bit stressed. What's the next step and how long do I have to report it?",
        "parcel marked as delivered 10 mins ago but not here yet, should I be worried?",
    ]),
    ("missing-or-delayed-parcel", "My parcel is late", [
        "where is my order?? was supposed to arrive last tuesday. LL-207734",
        "my delivery is a few days past the date it said. at what point do I contact you?",
    ]),
    ("missing-or-delayed-parcel", "Replacement or refund for a lost parcel", [
        "the courier lost my package. will you send another one and how fast? what if it's sold out",
    ]),
    # payment-methods
    ("payment-methods", "What you can pay with", [
        "do you take amex? and can i pay cash when it arrives",
    ]),
    ("payment-methods", "Paying in instalments with Klarna", [
        "can i split the payment for a 300 pound order? does it affect my credit score",
    ]),
    ("payment-methods", "Currency", [
        "I'm ordering to Spain with a UK card. what currency will I be charged in and do you add a conversion fee?",
    ]),
    ("payment-methods", "When you are charged", [
        "i ordered 2 days ago but the money hasnt left my account fully, when do you actually take the payment",
    ]),
    ("payment-methods", "Payment declined", [
        "card keeps getting declined at checkout",
        "my payment wont go through, I have enough money on the card. what could be wrong",
    ]),
    # privacy-and-your-data
    ("privacy-and-your-data", "Getting a copy of your data", [
        "I'd like a copy of all the personal info you've got on me. how do I request it and how long will it take?",
    ]),
    ("privacy-and-your-data", "Deleting your data", [
        "under gdpr i want you to erase everything about me. do you keep anything after that?",
    ]),
    ("privacy-and-your-data", "Correcting your data", [
        "my date of birth on file is wrong, can that be fixed",
    ]),
    ("privacy-and-your-data", "Opting out of AI", [
        "I don't want an AI reading my messages at all. can I switch it off for good?",
    ]),
    ("privacy-and-your-data", "Cookies and tracking", [
        "I accepted all cookies by mistake, how do i change that? do you use ad cookies",
    ]),
    ("privacy-and-your-data", "Contacting our data protection officer", [
        "who is your DPO and how do i contact them? I may want to make a complaint to the regulator too",
    ]),
    # product-warranty
    ("product-warranty", "How long the warranty lasts", [
        "how long is the guarantee on a sofa frame? and on a lamp",
        "warranty on light bulbs?",
    ]),
    ("product-warranty", "What the warranty does not cover", [
        "my linen cushion faded because it sits by the window. is that a warranty thing?",
    ]),
    ("product-warranty", "Making a warranty claim", [
        "the leg of my armchair has cracked after a year, how do I claim? I threw the box away ages ago",
    ]),
    ("product-warranty", "Your legal rights", [
        "does your warranty replace my rights under the consumer rights act or is it on top of them?",
    ]),
    # refunds
    ("refunds", "How you are refunded", [
        "my old card expired, can you put my refund on my new card instead?",
        "I paid half with a gift card and half with visa, where does the refund go",
    ]),
    ("refunds", "Refund timing", [
        "refund??",
        "you got my return back on monday, when will I get my money? LL-563201",
        "its been a week since i sent the parcel back and no refund yet. how long does it normally take, I thought it would be quicker honestly",
    ]),
    ("refunds", "Partial refunds", [
        "why did I only get part of my money back for the return? and why no refund of the delivery fee",
    ]),
    ("refunds", "Refunds for Klarna and PayPal payments", [
        "I paid with klarna and returned the chair - do I still have to keep paying the instalments?",
    ]),
    # returns-policy
    ("returns-policy", "How long you have to return an item", [
        "how many days do i have to return something",
        "I bought a throw as a christmas present at the start of december, can it still be returned in mid january?",
        "return window?",
        "My sister got married in June and I bought her a set of towels from you, delivered on the 3rd of July. She already has the same ones so she wants to send them back, they're still in the plastic. It's now the 25th, are we still in time?",
    ]),
    ("returns-policy", "Items that cannot be returned", [
        "can i return a pillow i opened? it's too firm for me",
        "are monogrammed towels returnable",
    ]),
    ("returns-policy", "How to start a return", [
        "how do i send something back",
        "I've got the return label, where do I drop it off and is there a deadline?",
    ]),
    ("returns-policy", "Return shipping costs", [
        "do i have to pay for return shipping in the US",
        "Are returns free? I'm in Ireland",
    ]),
    ("returns-policy", "Exchanges", [
        "can I exchange my curtains for a longer length",
    ]),
    # shipping-times-and-costs
    ("shipping-times-and-costs", "United States", [
        "how much is shipping to California and how long does it take? and do you do express to Hawaii",
        "whats the minimum order for free shipping in the US",
    ]),
    ("shipping-times-and-costs", "United Kingdom", [
        "if i order before lunch today can I get it tomorrow in Leeds? how much extra",
    ]),
    ("shipping-times-and-costs", "European Union", [
        "how long does delivery take to Italy and how much is it",
    ]),
    ("shipping-times-and-costs", "Large items", [
        "my order is over the free shipping amount so why am I being charged for delivering the bookcase?",
    ]),
    # signing-in-and-password-reset
    ("signing-in-and-password-reset", "Resetting your password", [
        "forgot my password",
        "I clicked forgot password like three times and the email never comes. And the link from this morning says it doesn't work anymore?",
    ]),
    ("signing-in-and-password-reset", "Account locked", [
        "it says my account is locked after i typed the wrong password a few times. how long do i have to wait",
    ]),
    ("signing-in-and-password-reset", "Two-step verification", [
        "can i add 2fa to my account for extra security? where is that setting",
    ]),
    ("signing-in-and-password-reset", "You no longer have access to your email address", [
        "my account is under my old work email which I can't get into anymore since I left the job. how can I get back in?",
    ]),
    ("signing-in-and-password-reset", "Guest checkout", [
        "I ordered without making an account, how do I track it? can I make an account afterwards and see the order there",
    ]),
    # talking-to-a-person
    ("talking-to-a-person", "Ask for a human at any time", [
        "HUMAN PLEASE",
        "I want to talk to a real person, do I have to explain everything again from the start?",
    ]),
    ("talking-to-a-person", "Opening hours", [
        "are you open on saturdays? what time does customer service close",
    ]),
    ("talking-to-a-person", "Phone numbers", [
        "whats your phone number for the UK, is it free to call",
    ]),
    ("talking-to-a-person", "Email and response times", [
        "is there an email I can write to? how fast do you reply",
    ]),
    ("talking-to-a-person", "Complaints", [
        "I'm not happy with how my issue was handled by the agent, how can I escalate this to someone senior?",
    ]),
    # tracking-your-order
    ("tracking-your-order", "Where to find your tracking number", [
        "where do I find the tracking number? is it the LL number?",
        "never got a dispatch email, how else can I see my tracking",
    ]),
    ("tracking-your-order", "Order status explained", [
        "what does 'processing' mean on my order, has it shipped yet or not",
    ]),
    ("tracking-your-order", "Tracking has not updated", [
        "tracking hasnt moved in a week. LL-489920",
        "shipped this morning but the tracking link shows nothing at all, is that normal?",
    ]),
    ("tracking-your-order", "Orders with several parcels", [
        "only half my order came, the tracking says delivered. did you forget the rest or does it come separate?",
    ]),
    # faq.csv
    ("faq", "Do you have physical stores or showrooms?", [
        "is there a shop in London where I can see the sofas in person?",
    ]),
    ("faq", "Can I order fabric swatches?", [
        "can i get some samples of the curtain fabric before i buy? are they free and do i need to send them back",
    ]),
    ("faq", "Do you offer gift wrapping?", [
        "can you wrap it as a present and leave the price off? how much is that",
    ]),
    ("faq", "Do you deliver to PO boxes or parcel lockers?", [
        "can i have my order sent to an inpost locker? and what about a table",
    ]),
    ("faq", "Do you have a trade or business programme?", [
        "I'm an interior designer - is there a trade discount or account I could apply for?",
    ]),
    ("faq", "Do you offer a student discount?", [
        "student discount?? and can i stack it with my welcome code",
    ]),
    ("faq", "Are your products sustainably made?", [
        "is your wood FSC? how eco friendly is the packaging",
    ]),
    ("faq", "Can I place an order over the phone?", [
        "I'm not comfortable buying online, can I ring up and order? I don't want to read my card out though",
    ]),
]

UNANSWERABLE_ON_TOPIC = [
    "do you sell mattresses or just the bedding",
    "is there a lumen & loom app for iphone?",
    "what thread count are your percale sheets?",
    "can I use your rugs on top of underfloor heating?",
    "are you hiring? i'd love to work in your warehouse",
    "do you have an affiliate programme for bloggers who link to your products",
    "can I buy an extended warranty on top of the normal one for my sofa?",
    "is there an NHS or military discount",
    "can you let me know when the oat coloured linen duvet is back in stock?",
    "when you deliver my new sofa can the team take away my old one?",
    "do you do a wedding gift registry",
    "are the glazes on your stoneware plates lead free?",
    "which courier do you use for uk deliveries, royal mail or dpd?",
    "can the freight people deliver on a sunday?",
    "can I get a sample of the walnut finish before ordering the dining table",
    "how do I clean the velvet on my sofa, there's a coffee mark",
    "what's the best way to clean a marble side table from you",
    "can your stoneware mugs go in the oven?",
    "how should I wash the chunky wool throw blanket",
    "who founded lumen and loom and where is the head office",
    "can I change the payment card on an order I placed an hour ago? LL-610284",
    "is klarna available in ireland and portugal or just some countries?",
    "do you have a refer-a-friend scheme where we both get money off?",
    "can you post me a printed catalogue",
    "do you ship to APO/FPO military addresses?",
    "can I buy a replacement shade on its own for the tall floor lamp",
    "will the green velvet armchair ever come back or is it discontinued?",
    "when is your black friday sale going to start this year?",
    "do you sell outdoor garden furniture",
    "can I order a rug in a custom size, like 170 x 250?",
    "is your delivery carbon neutral?",
    "my order was held for a 'security check'. what exactly triggers that and what did I do wrong?",
    "what's the biggest refund the chat team can approve without asking a manager?",
    "my delivery was 4 days late, will you give me a voucher or some credit to make up for it?",
    "do you offer a fitting service for curtains, like someone to come and hang them?",
    "how much weight can the oak floating shelf hold?",
    "do your sofas meet UK fire safety regulations, is there a label?",
    "is there a minimum age to open an account with you",
    "can i earn loyalty points on a trade account order",
    "I'm moving from the UK to the Netherlands, can my account and points move over to the EU site?",
    "do you sell paint or wallpaper to match the cushions",
    "are your scented candles made with soy wax?",
    "how do I write a review for a product I bought, where's the button?",
    "do you sell second hand or refurbished furniture at a discount?",
    "can I get my order delivered to my office and have the invoice sent to my home address?",
    "what's your company registration number? need it for a supplier form",
    "are the dining chairs suitable for people over 120kg?",
    "do you have a recommended electrician to install your pendant lights",
    "do the curtains come with hooks included or do i buy them separately?",
    "are your cotton towels oeko-tex certified",
]

OFF_TOPIC = [
    "how do i return an amazon package without the box",
    "what's the capital of australia",
    "ikea opening hours on bank holiday monday",
    "my python script says ModuleNotFoundError, how do I fix it",
    "recipe for a good sourdough starter?",
    "how do I reset my netflix password",
    "who won the world cup in 2018",
    "can you recommend a good plumber in bristol",
    "what's the weather going to be like in paris this weekend",
    "how many calories are in a banana",
    "translate 'good morning' into japanese please",
    "is it better to lease or buy a car",
    "how do i cancel my gym membership at puregym",
    "what time does the post office close on saturdays",
    "write me a poem about autumn",
    "how do I file my self assessment tax return to HMRC",
    "why is the sky blue",
    "best exercises for lower back pain?",
    "my iphone won't charge, what should I try",
    "how long should I boil an egg for a runny yolk",
    "what's the difference between a roth ira and a 401k",
    "track my royal mail parcel from ebay",
    "can dogs eat grapes",
    "how do i change a flat tyre",
    "who wrote pride and prejudice",
    "what's 15% of 240",
    "I was wondering whether you could help me choose a name for my new puppy, she's a golden retriever",
    "how do i get a refund from ryanair for a cancelled flight",
    "is bitcoin going up this year?",
    "how to unblock a kitchen sink without chemicals",
    "whats the best laptop for a student under 800 dollars",
    "wayfair customer service number",
    "how do I renew my passport in the uk",
    "explain photosynthesis in simple words",
    "what's a good name for a bakery",
    "how do i set up a new wifi router",
    "when does daylight saving time end",
    "can you help with my maths homework, solve 3x + 7 = 22",
    "how do I apply for a mortgage with bad credit",
    "which train goes from london to edinburgh fastest",
    "how to get red wine out of a white shirt",
    "whats the tallest mountain in europe",
    "how do i unsubscribe from spotify premium",
    "tips for a job interview tomorrow?",
    "my neighbour's tree hangs over my garden, what are my rights",
    "how much water should i drink a day",
    "how do i make a pivot table in excel",
    "what is the population of canada",
    "good movies to watch this weekend?",
    "how do i plant tulip bulbs",
]

EXPECTED = {"answerable": 160, "unanswerable_on_topic": 50, "off_topic": 50}


def assign_splits(rows, rng):
    idx = list(range(len(rows)))
    rng.shuffle(idx)
    n_dev = round(len(rows) * 0.4)
    dev = set(idx[:n_dev])
    for i, r in enumerate(rows):
        r["split"] = "dev" if i in dev else "test"


def main():
    rng = random.Random(SEED)
    ans = []
    for aid, sec, qs in ANSWERABLE:
        for q in qs:
            ans.append({"question": q, "article_id": aid, "section": sec, "kind": "answerable", "split": ""})
    unans = [{"question": q, "article_id": "", "section": "", "kind": "unanswerable_on_topic", "split": ""}
             for q in UNANSWERABLE_ON_TOPIC]
    off = [{"question": q, "article_id": "", "section": "", "kind": "off_topic", "split": ""} for q in OFF_TOPIC]
    for kind, rows in (("answerable", ans), ("unanswerable_on_topic", unans), ("off_topic", off)):
        if len(rows) != EXPECTED[kind]:
            raise SystemExit("%s: have %d, want %d" % (kind, len(rows), EXPECTED[kind]))
        assign_splits(rows, rng)
    allrows = ans + unans + off
    rng.shuffle(allrows)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in allrows:
            f.write(json.dumps({k: r[k] for k in ("question", "article_id", "section", "kind", "split")},
                               ensure_ascii=False) + "\n")
    print("wrote %d rows to %s" % (len(allrows), OUT))


if __name__ == "__main__":
    main()
