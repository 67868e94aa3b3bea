/** French texts of the desk's printers (joined into fr.ts under `printing`). Same typography rules as fr.ts. */
export const printingFr = {
  title: 'Imprimantes de ce poste',
  intro:
    'Les reçus et les documents s’impriment directement, sans boîte de dialogue, sur les imprimantes choisies ici. Ce réglage est propre à ce PC.',
  webMode:
    'En mode web, le navigateur imprime avec sa propre boîte de dialogue\u00a0: choisissez-y l’imprimante et le papier. Les imprimantes se règlent dans l’application de bureau.',
  ask: 'Demander à chaque fois',
  receiptPrinter: 'Imprimante des reçus',
  receiptPrinterHint: 'L’imprimante thermique du guichet (rouleau 80\u00a0mm) ou une imprimante A5.',
  receiptPaper: 'Papier des reçus',
  paper: { roll80: 'Rouleau 80\u00a0mm', a5: 'A5' },
  documentPrinter: 'Imprimante des documents',
  documentPrinterHint: 'Proformas, factures, avoirs et rapports, sur papier A4.',
  printInvoicesWithReceipt: 'Imprimer les factures avec le reçu',
  printInvoicesWithReceiptHint:
    'Quand un paiement solde une proforma, la facture émise s’imprime sur l’imprimante des documents juste après le reçu.',
  testPage: 'Page de test',
  testSent: 'Page de test envoyée à {{printer}}.',
  saved: 'Imprimantes enregistrées.',
};
