import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IPR-portalen", template: "%s – IPR-portalen" },
  description:
    "Møter, saker, referater, oppfølging og planer for interkommunale politiske råd – ett strukturert arkiv fra innkalling til vedtak.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nb">
      <body className="min-h-screen flex flex-col">{children}</body>
    </html>
  );
}
