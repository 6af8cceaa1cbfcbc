import { IntentLink } from "@/components/ui/intent-link";

export function SiteFooter() {
  return (
    <footer role="contentinfo" className="mt-auto border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700 flex flex-wrap gap-x-6 gap-y-2">
        <span>IPR-portalen – for interkommunale politiske råd</span>
        <IntentLink href="/tilgjengelighet" className="link">
          Tilgjengelighetserklæring
        </IntentLink>
        <IntentLink href="/" className="link">
          Offentlige sider
        </IntentLink>
      </div>
    </footer>
  );
}
