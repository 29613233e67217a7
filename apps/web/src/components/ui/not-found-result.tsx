import { Button, Result } from "antd";
import { useNavigate } from "react-router";

type Props = {
  title: string;
  description: string;
  backTo: string;
  backLabel: string;
};

export function NotFoundResult({ title, description, backTo, backLabel }: Props) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{title}</h1>}
      subTitle={description}
      extra={
        <Button type="primary" onClick={() => void navigate(backTo)}>
          {backLabel}
        </Button>
      }
    />
  );
}
