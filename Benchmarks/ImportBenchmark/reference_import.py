"""The reference importer the benchmark compares against: what an operator would write
with the csv module and requests. Reads the CSV, sends batches of 1000 contacts to
Anyreach's upsert route one after another, and fails on any refused contact.
    reference_import.py CSV BASE_URL TOKEN CAMPAIGN_ID"""

import csv
import sys

import requests

STRUCTURED = {"external_id", "phone"}


def contact(row: dict) -> dict:
    return {
        "external_id": row["external_id"],
        "phone_numbers": [row["phone"]],
        "data": {key: value for key, value in row.items() if key not in STRUCTURED and value},
    }


def main(path: str, base: str, token: str, campaign: str) -> None:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    url = f"{base}/campaign/campaigns/{campaign}/contacts"
    sent = 0

    def send(batch: list) -> None:
        answer = session.post(url, json={"contacts": batch}, timeout=120)
        answer.raise_for_status()
        body = answer.json()
        if body.get("failed"):
            sys.exit(f"refused: {body['failed'][:3]}")

    with open(path, encoding="utf-8", newline="") as source:
        batch = []
        for row in csv.DictReader(source):
            batch.append(contact(row))
            if len(batch) == 1000:
                send(batch)
                sent += len(batch)
                batch = []
        if batch:
            send(batch)
            sent += len(batch)
    print(f"{sent} contacts sent")


if __name__ == "__main__":
    main(*sys.argv[1:5])
