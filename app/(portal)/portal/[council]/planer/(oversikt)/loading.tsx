import { LoadingMessage } from "@/components/ui/loading-message";

export default LoadingMessage;
